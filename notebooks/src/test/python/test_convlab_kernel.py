"""Protocol tests of the convlab Jupyter kernel, run by KernelProtocolTest (JUnit) through run_kernel_tests.py.

ConvlabKernelTests is jupyter_kernel_test's suite (kernel_info, streams, completion, is_complete, errors, results,
display data, history, inspection) plus convlab's own checks on one kernel; KernelStartTests starts the kernel
repeatedly, each time until it answers kernel_info, and shuts it down. The kernelspec comes from JUPYTER_PATH; the environment names it (CONVLAB_KERNEL_NAME), a jar for the
%jars check (CONVLAB_TEST_JAR) and a file for the start timings (CONVLAB_START_TIMINGS).
"""

import json
import os
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("CONVLAB_KERNEL_NAME", "convlab")
STARTUP_TIMEOUT = 30
CELL_TIMEOUT = 30

CHART = ('XYChart chart = new XYChartBuilder().width(320).height(200).title("t").build();\n'
         'chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});\n')


def run_cell(kc, code, timeout=CELL_TIMEOUT):
    """Executes code; returns the execute_reply content and the cell's iopub messages (without status/input)."""
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append(msg)
    return reply["content"], outputs


def of_type(outputs, msg_type):
    return [m["content"] for m in outputs if m["msg_type"] == msg_type]


class ConvlabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Tensor.zer", "matches": {"zeros("}},
        {"text": "%ma", "matches": {"%maven"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 1;", "System.out.println(1);", "class A {}", "%jars lib/*.jar\nint y;"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y =", "class B {", 'String s = "a" +']
    invalid_code_samples = [")", "}", '"unterminated']

    code_display_data = [
        {"code": "display(Tensor.ones(2, 2));", "mime": "text/html"},
        {"code": CHART + "display(chart);", "mime": "image/png"},
        {"code": CHART + 'display(render(chart, "image/svg+xml"));', "mime": "image/svg+xml"},
    ]
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"hello" + ", java"', "result": "hello, java"},
        {"code": "Math.max(3, 5)", "result": "5"},
    ]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_generate_error = 'throw new IllegalStateException("boom");'

    def test_convlab_error_names_the_real_exception_class_and_cell_line(self):
        self.flush_channels()
        reply, outputs = run_cell(self.kc, 'int a = 1;\nthrow new IllegalArgumentException("bad " + a);')
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "java.lang.IllegalArgumentException")
        self.assertEqual(reply["evalue"], "bad 1")
        traceback = "\n".join(of_type(outputs, "error")[0]["traceback"])
        self.assertRegex(traceback, r"at cell \(Cell In\[\d+\], line 2\)")
        for noise in ("jdk.jshell", "reflect", "EvalException", "REPL."):
            self.assertNotIn(noise, traceback)

    def test_convlab_compile_error_points_at_the_cell_line(self):
        self.flush_channels()
        reply, outputs = run_cell(self.kc, "int ok = 1;\n\nint bad = undefinedName + 1;")
        self.assertEqual(reply["ename"], "CompilationException")
        traceback = "\n".join(of_type(outputs, "error")[0]["traceback"])
        self.assertRegex(traceback, r"Cell In\[\d+\], line 3: cannot find symbol")
        self.assertIn("^~~~", traceback)

    def test_convlab_kernel_survives_cells_that_throw_errors(self):
        self.flush_channels()
        reply, _ = run_cell(self.kc, 'throw new OutOfMemoryError("simulated");')
        self.assertEqual(reply["ename"], "java.lang.OutOfMemoryError")
        reply, outputs = run_cell(self.kc, "int deep(int n) { return deep(n + 1) + 1; }\ndeep(0);")
        self.assertEqual(reply["ename"], "java.lang.StackOverflowError")
        self.assertLess(len(of_type(outputs, "error")[0]["traceback"]), 10)
        reply, outputs = run_cell(self.kc, "1 + 1")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(of_type(outputs, "execute_result")[0]["data"]["text/plain"], "2")

    def test_convlab_interrupt_stops_a_running_cell_and_the_kernel_stays_usable(self):
        for code in ("long spins = 0;\nwhile (true) { spins++; }", "Thread.sleep(60_000);"):
            with self.subTest(code=code):
                self.flush_channels()
                msg_id = self.kc.execute(code)
                time.sleep(1.5)
                started = time.monotonic()
                self.km.interrupt_kernel()
                reply = self.get_non_kernel_info_reply(timeout=CELL_TIMEOUT)
                self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
                self.assertLess(time.monotonic() - started, 10)
                self.assertEqual(reply["content"]["status"], "error")
                self.assertEqual(reply["content"]["ename"], "Interrupted")
                reply, outputs = run_cell(self.kc, '"usable"')
                self.assertEqual(reply["status"], "ok")
                self.assertEqual(of_type(outputs, "execute_result")[0]["data"]["text/plain"], "usable")

    def test_convlab_last_expression_renders_the_real_object(self):
        self.flush_channels()
        reply, outputs = run_cell(self.kc, 'Table.create("t<1>", DoubleColumn.create("x", new double[] {1, 2}))')
        self.assertEqual(reply["status"], "ok")
        data = of_type(outputs, "execute_result")[0]["data"]
        self.assertIn("<table>", data["text/html"])
        self.assertIn("t&lt;1&gt;", data["text/html"])
        reply, outputs = run_cell(self.kc, CHART + "chart")
        self.assertTrue(of_type(outputs, "execute_result")[0]["data"]["image/png"].startswith("iVBORw0KGgo"))

    def test_convlab_update_display_replaces_an_output(self):
        self.flush_channels()
        reply, outputs = run_cell(self.kc, 'String id = display("first");\nupdateDisplay(id, "second");')
        self.assertEqual(reply["status"], "ok")
        shown = of_type(outputs, "display_data")[0]
        updated = of_type(outputs, "update_display_data")[0]
        self.assertEqual(shown["transient"]["display_id"], updated["transient"]["display_id"])
        self.assertEqual(updated["data"]["text/plain"], "second")

    def test_convlab_jars_magic_adds_a_jar_to_the_class_path(self):
        jar = os.environ.get("CONVLAB_TEST_JAR")
        if not jar:
            self.skipTest("CONVLAB_TEST_JAR is not set")
        self.flush_channels()
        reply, outputs = run_cell(self.kc, '%jars "' + jar + '"\nmagic.Greeter.hello()')
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(of_type(outputs, "execute_result")[0]["data"]["text/plain"], "hello from a jar")


class KernelStartTests(unittest.TestCase):
    STARTS = 20
    SHUTDOWN_LIMIT = 4.0  # jupyter_client kills a kernel still running after 5 s

    def test_starts_twenty_times_in_a_row_without_hanging(self):
        timings = []
        for i in range(self.STARTS):
            started = time.monotonic()
            km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=STARTUP_TIMEOUT)
            ready = time.monotonic()
            kc.stop_channels()
            km.shutdown_kernel(now=False)
            stopped = time.monotonic()
            timings.append({"ready": ready - started, "shutdown": stopped - ready})
            self.assertLess(stopped - ready, self.SHUTDOWN_LIMIT, "start %d did not shut down cleanly" % (i + 1))
        path = os.environ.get("CONVLAB_START_TIMINGS")
        if path:
            with open(path, "w") as f:
                json.dump(timings, f)


if __name__ == "__main__":
    unittest.main()
