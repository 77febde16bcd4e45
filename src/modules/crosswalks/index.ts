// Public face of the crosswalks module: other modules, src/http, src/cli and src/demo import only this file.
