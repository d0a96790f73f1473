"""Reads each .env file named on the command line with python-dotenv's dotenv_values() (defaults:
interpolate=True) and prints, as JSON, {"version": V, "files": {FILE: {KEY: hex of the value's UTF-8
bytes, or null}}}. Used by DotEnvLoadersTest."""
import json
import sys

try:
    from importlib.metadata import version
    VERSION = version("python-dotenv")
except Exception:  # a Debian package without metadata would still be a python-dotenv
    VERSION = "unknown"
from dotenv import dotenv_values

files = {}
for path in sys.argv[1:]:
    try:
        values = dotenv_values(path)
        files[path] = {k: (None if v is None else v.encode("utf-8", "surrogatepass").hex()) for k, v in values.items()}
    except Exception as e:
        files[path] = {"error": repr(e)}
sys.stdout.write(json.dumps({"version": VERSION, "files": files}))
