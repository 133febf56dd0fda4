"""The floor both benchmarks measure against, run in a fresh process: ``python -c FLOOR REPO``."""

# The floor: what any tool that reads every case must pay, whatever else it does.
FLOOR = """
import os, sys, yaml
for folder, _dirs, files in os.walk(os.path.join(sys.argv[1], "cases")):
    for name in files:
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""
