"""Runs test_convlab_kernel.py and writes each test's outcome as JSON, for KernelProtocolTest (JUnit).

Usage: python3 run_kernel_tests.py <results.json>
The JSON maps "Class.test_method" (sub-tests joined to their test) to {"outcome": "ok"|"failure"|"error"|"skipped",
"detail": text}. The unittest report goes to standard error.
"""

import json
import sys
import unittest

import test_convlab_kernel


class RecordingResult(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = {}

    @staticmethod
    def _name(test):
        test = getattr(test, "test_case", test)
        return type(test).__name__ + "." + test._testMethodName

    def _set(self, test, outcome, detail=""):
        name = self._name(test)
        previous = self.outcomes.get(name)
        if previous is None or previous["outcome"] in ("ok", "skipped"):
            self.outcomes[name] = {"outcome": outcome, "detail": detail}
        elif outcome in ("failure", "error"):
            previous["detail"] += "\n" + detail

    def addSuccess(self, test):
        super().addSuccess(test)
        self._set(test, "ok")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._set(test, "failure", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._set(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._set(test, "skipped", reason)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is None:
            return
        if issubclass(err[0], unittest.SkipTest):
            return
        kind = "failure" if issubclass(err[0], test.failureException) else "error"
        self._set(test, kind, str(subtest) + "\n" + self._exc_info_to_string(err, test))


def main():
    suite = unittest.defaultTestLoader.loadTestsFromModule(test_convlab_kernel)
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2, resultclass=RecordingResult)
    result = runner.run(suite)
    with open(sys.argv[1], "w") as f:
        json.dump(result.outcomes, f, indent=2)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
