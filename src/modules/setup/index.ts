// Public face of the setup module: other modules, src/http, src/cli and src/demo import only this file.
