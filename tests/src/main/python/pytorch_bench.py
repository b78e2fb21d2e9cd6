#!/usr/bin/env python3
"""PyTorch side of `./convlab bench --compare-pytorch`: times the convlab workloads W1-W4.

Prints one JSON object per line: {"workload", "threads", "median_ms", "min_ms", "max_ms", "rounds_ms", "torch",
"blas"}, rounds_ms holding the milliseconds per call of every round.
Run with Debian's python3-torch; the thread count is set explicitly because PyTorch defaults to
one thread on this VM. Start it with MALLOC_MMAP_THRESHOLD_=1000000000 MALLOC_TRIM_THRESHOLD_=1000000000,
or glibc maps large outputs afresh on every call and the convolution timings include page faults.
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def timed(fn, warmup_s, rounds, min_round_s):
    """Milliseconds per call in each of `rounds` rounds after `warmup_s` of warm-up."""
    end = time.perf_counter() + warmup_s
    calls = 0
    while time.perf_counter() < end or calls < 3:
        fn()
        calls += 1
    per_call = []
    for _ in range(rounds):
        reps = 0
        start = time.perf_counter()
        while True:
            fn()
            reps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_round_s:
                break
        per_call.append(1000.0 * elapsed / reps)
    return per_call


def conv_workloads():
    """W1 and W2: (N, C, H, W, F, K, pad)."""
    return {"W1": (64, 3, 32, 32, 32, 3, 1), "W2": (64, 32, 16, 16, 64, 3, 1)}


def conv_forward(spec):
    n, c, h, w, f, k, pad = spec
    x = torch.randn(n, c, h, w)
    weight = torch.randn(f, c, k, k)
    bias = torch.randn(f)

    def run():
        with torch.no_grad():
            F.conv2d(x, weight, bias, stride=1, padding=pad)
    return run


def conv_forward_backward(spec):
    n, c, h, w, f, k, pad = spec
    x = torch.randn(n, c, h, w, requires_grad=True)
    weight = torch.randn(f, c, k, k, requires_grad=True)
    bias = torch.randn(f, requires_grad=True)
    dout = None

    def run():
        nonlocal dout
        out = F.conv2d(x, weight, bias, stride=1, padding=pad)
        if dout is None:
            dout = torch.randn_like(out)
        x.grad = weight.grad = bias.grad = None
        out.backward(dout)
    return run


def train_step(model, n, shape, lr=1e-3):
    x = torch.randn(n, *shape)
    y = torch.randint(0, 10, (n,))
    params = list(model.parameters())

    def run():
        for p in params:
            p.grad = None
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= lr * p.grad
    return run


def three_layer_convnet():
    """W3: CS231n's ThreeLayerConvNet on 3x32x32, N=50."""
    return torch.nn.Sequential(
        torch.nn.Conv2d(3, 32, 7, padding=3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 16 * 16, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))


def lenet():
    """W4: LeNet-style net on 1x28x28, N=64."""
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 8, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(8, 16, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(16 * 7 * 7, 10))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workloads", nargs="+", default=["W1", "W2", "W3", "W4"])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--round-seconds", type=float, default=0.3)
    args = parser.parse_args()
    torch.manual_seed(0)
    cases = []
    for name, spec in conv_workloads().items():
        if name in args.workloads:
            cases.append((name + " forward", lambda spec=spec: conv_forward(spec)))
            cases.append((name + " forward+backward", lambda spec=spec: conv_forward_backward(spec)))
    if "W3" in args.workloads:
        cases.append(("W3 train step", lambda: train_step(three_layer_convnet(), 50, (3, 32, 32))))
    if "W4" in args.workloads:
        cases.append(("W4 train step", lambda: train_step(lenet(), 64, (1, 28, 28))))
    for threads in args.threads:
        torch.set_num_threads(threads)
        for name, make in cases:
            rounds = timed(make(), args.warmup, args.rounds, args.round_seconds)
            print(json.dumps({"workload": name, "threads": threads, "median_ms": statistics.median(rounds),
                              "min_ms": min(rounds), "max_ms": max(rounds), "rounds_ms": rounds,
                              "torch": torch.__version__, "blas": blas_name()}), flush=True)


def blas_name():
    """The BLAS library torch's linear layers resolved to (Debian picks it through alternatives)."""
    with open("/proc/self/maps") as maps:
        libraries = {line.split()[-1] for line in maps if ".so" in line}
    if any("openblas" in lib for lib in libraries):
        return "OpenBLAS"
    if any("libblas" in lib for lib in libraries):
        return "reference BLAS"
    return "unknown"


if __name__ == "__main__":
    sys.exit(main())
