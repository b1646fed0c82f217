"""With ``ATEN_CPU_CAPABILITY=default`` torch uses its plain kernels (no AVX2, no FMA): so does minitorch.

That is what torch runs on CPUs without AVX2, and on this machine it is the only way to check the plain
normal kernel (libm's log, cos and sin) and the unfused uniform transform. Both libraries run in a child
process that has the variable set before either is imported.
"""

import os
import subprocess
import sys
import textwrap

CHECK = textwrap.dedent("""
    import torch, minitorch
    assert torch.backends.cpu.get_cpu_capability() == "DEFAULT"
    for seed in (0, 1, 42, 2024):
        for dtype in ("float32", "float64"):
            for n in (3, 15, 16, 17, 40):
                for draw in ("rand", "randn", "uniform", "normal"):
                    results = []
                    for lib in (torch, minitorch):
                        lib.manual_seed(seed)
                        t = lib.empty(n, dtype=getattr(lib, dtype))
                        if draw == "rand":
                            t = lib.rand(n, dtype=getattr(lib, dtype))
                        elif draw == "randn":
                            t = lib.randn(n, dtype=getattr(lib, dtype))
                        elif draw == "uniform":
                            t.uniform_(-1 / 3, 2.7)
                        else:
                            t.normal_(0.5, 2.3)
                        results.append(t.numpy().tobytes())
                    assert results[0] == results[1], (seed, dtype, n, draw)
    print("same")
""")


def test_plain_kernels_give_torchs_values(torch):
    environment = dict(os.environ, ATEN_CPU_CAPABILITY="default")
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=environment,
                            timeout=300)
    assert result.stdout.strip() == "same", result.stderr[-3000:]
