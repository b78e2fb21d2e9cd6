"""Executes notebooks headless with the convlab kernel, for `./convlab notebooks`.

Usage: python3 execute_notebooks.py --kernel NAME --timeout SECONDS --output-dir DIR NOTEBOOK...

Each notebook runs in its own directory with a per-cell timeout. The executed copy (NAME.ipynb) and its HTML
(NAME.html) are written to the output directory even when a cell fails, then up to the failing cell. Exits with 1 if
any notebook failed, after running all of them. Needs Debian's python3-nbclient and jupyter-nbconvert.
"""

import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter


def execute(path, kernel, timeout, output_dir):
    """Runs one notebook; writes its executed copy and HTML; returns None or a description of the failure."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel, timeout=timeout,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    failure = None
    try:
        client.execute()
    except Exception as e:  # a failing or timed-out cell, or a dead kernel: report it, keep the partial notebook
        failure = "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[-1] if str(e).strip() else "")
    name = os.path.splitext(os.path.basename(path))[0]
    nbformat.write(notebook, os.path.join(output_dir, name + ".ipynb"))
    html, _ = HTMLExporter().from_notebook_node(notebook)
    with open(os.path.join(output_dir, name + ".html"), "w", encoding="utf-8") as f:
        f.write(html)
    return failure


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--timeout", type=int, required=True, help="seconds per cell")
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)

    failed = []
    for path in args.notebooks:
        started = time.monotonic()
        failure = execute(path, args.kernel, args.timeout, args.output_dir)
        status = "FAILED (%s)" % failure if failure else "ok"
        print("%-40s %6.1f s  %s" % (os.path.basename(path), time.monotonic() - started, status), flush=True)
        if failure:
            failed.append(os.path.basename(path))
    print("%d notebook(s), %d failed%s; executed copies and HTML in %s" % (
        len(args.notebooks), len(failed), (": " + ", ".join(failed)) if failed else "", args.output_dir))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
