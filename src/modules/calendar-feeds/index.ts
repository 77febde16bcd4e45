// Public face of the calendar-feeds module: other modules, src/http, src/cli and src/demo import only this file.
