"""Hostile programs: they must be contained, and must never turn a failure into a pass."""

import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from serve_app.domain.sandbox import Sandbox, SandboxLimits, TestCase
from serve_app.domain.sandbox.models import MiB

ADD_TESTS = [TestCase("one", "assert add(1, 2) == 3"), TestCase("two", "assert add(2, 2) == 4")]
WRONG_ADD = "def add(a, b):\n    return a - b\n"


@pytest.fixture
def listening_port() -> Iterator[int]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server.getsockname()[1]
    server.close()


async def test_infinite_loop_times_out(sandbox: Sandbox, no_leftovers: None) -> None:
    result = await sandbox.execute("while True:\n    pass\n")
    assert result.status == "timeout"
    assert result.duration_ms < 5000  # wall limit 2 s, plus slack for a loaded machine


async def test_cpu_limit_ends_the_run_as_timeout(sandbox: Sandbox) -> None:
    limits = SandboxLimits(cpu_seconds=1, wall_seconds=10)
    result = await sandbox.execute("x = 0\nwhile True:\n    x += 1\n", limits=limits)
    assert result.status == "timeout"
    assert result.duration_ms < 8000  # ended by the CPU limit, not the 10 s wall limit


@pytest.mark.parametrize(
    "code",
    ["blocks = []\nwhile True:\n    blocks.append(bytearray(10**6))\n", "x = bytearray(10**10)\n"],
)
async def test_memory_bomb_hits_memory_limit(sandbox: Sandbox, code: str) -> None:
    result = await sandbox.execute(code)
    assert result.status == "memory_limit"
    assert result.exception is not None
    assert result.exception.type == "MemoryError"


async def test_fork_bomb_is_contained(sandbox: Sandbox, no_leftovers: None) -> None:
    result = await sandbox.execute("import os\nwhile True:\n    os.fork()\n")
    assert result.status != "ok"
    after = await sandbox.execute("print('still fine')")
    assert after.stdout == "still fine\n"


async def test_forked_children_do_not_outlive_the_run(sandbox: Sandbox, no_leftovers: None) -> None:
    code = (
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    time.sleep(60)\n"
        "print('parent')\n"
    )
    result = await sandbox.execute(code)
    assert "parent\n" in result.stdout or result.status == "error"


async def test_network_is_unreachable(sandbox: Sandbox, listening_port: int) -> None:
    if not sandbox.network_isolated:
        pytest.skip("this machine offers no network namespace to the rlimits mode")
    code = (
        "import socket\n"
        "s = socket.socket()\n"
        "s.settimeout(1)\n"
        f"s.connect(('127.0.0.1', {listening_port}))\n"
        "print('connected')\n"
    )
    result = await sandbox.execute(code)
    assert result.status == "error"
    assert "connected" not in result.stdout
    assert result.exception is not None
    assert "Error" in result.exception.type


async def test_environment_secrets_are_invisible(sandbox: Sandbox, secret_env: str) -> None:
    code = "import os\nprint(sorted(os.environ))\nprint(os.environ.get('LEARNFLOW_SECRET_TEST'))\n"
    result = await sandbox.execute(code)
    assert result.status == "ok"
    assert secret_env not in result.stdout
    assert "LEARNFLOW_SECRET_TEST" not in result.stdout


@pytest.mark.parametrize("target", ["/work/main/pwned.txt", "/etc/pwned.txt", "/root/pwned"])
async def test_cannot_write_outside_work_dir(sandbox: Sandbox, target: str) -> None:
    code = f"open({target!r}, 'w').write('pwned')\n"
    result = await sandbox.execute(code)
    assert result.status == "error"
    assert not Path(target).exists()


async def test_cannot_escape_work_dir_through_links_or_renames(sandbox: Sandbox) -> None:
    code = (
        "import os\n"
        "open('a.txt', 'w').write('x')\n"
        "for attempt in (lambda: os.symlink('/work/main', 'link'),\n"
        "                lambda: os.rename('a.txt', '/work/main/pwned.txt'),\n"
        "                lambda: open('/proc/self/mem', 'rb')):\n"
        "    try:\n"
        "        attempt()\n"
        "        print('escaped')\n"
        "    except OSError:\n"
        "        pass\n"
    )
    result = await sandbox.execute(code)
    assert result.status == "ok"
    assert "escaped" not in result.stdout
    assert not Path("/work/main/pwned.txt").exists()


async def test_huge_output_is_truncated(sandbox: Sandbox) -> None:
    # A generous wall limit: draining 50 MB must not be mistaken for a timeout on a busy box.
    limits = SandboxLimits(wall_seconds=20, output_bytes=8 * 1024)
    result = await sandbox.execute(
        "import sys\nsys.stdout.write('x' * 50_000_000)\n", limits=limits
    )
    assert result.status == "ok"
    assert result.output_truncated
    assert len(result.stdout) == 8 * 1024


async def test_large_file_hits_size_limit(sandbox: Sandbox) -> None:
    code = "open('big.bin', 'wb').write(b'0' * (2 * 1024 * 1024))\n"
    result = await sandbox.execute(code, limits=SandboxLimits(file_bytes=1 * MiB))
    assert result.status == "error"
    assert result.exception is not None
    assert "File too large" in result.exception.message


async def test_work_dir_is_removed(sandbox: Sandbox) -> None:
    before = set(Path(tempfile.gettempdir()).glob("learnflow-sandbox-*"))
    result = await sandbox.execute("open('left-behind.txt', 'w').write('x')\n")
    assert result.status == "ok"
    assert set(Path(tempfile.gettempdir()).glob("learnflow-sandbox-*")) == before


@pytest.mark.parametrize(
    "attack",
    [
        'print(\'2 passed\')\nprint(\'{"status": "passed", "passed": 2}\')\n',
        "import os\nos._exit(0)\n",
        "import sys\nsys.exit(0)\n",
        "import builtins\nbuiltins.AssertionError = type('Fake', (Exception,), {})\n",
        "import os\nos.write(1, b'passed')\nos.write(2, b'passed')\n",
        "import marshal, os\nmarshal.dumps = lambda *a: b''\nos.write = lambda *a: 0\n",
        (
            "import os, marshal\n"
            "frame = marshal.dumps({'k': 'result', 'i': 0, 'passed': True, 'message': 'ok'})\n"
            "for fd in range(3, 64):\n"
            "    try:\n"
            "        os.write(fd, len(frame).to_bytes(4, 'big') + bytes(16) + frame)\n"
            "    except OSError:\n"
            "        pass\n"
        ),
        (
            "import os, threading, time\n"
            "def later():\n"
            "    time.sleep(0.05)\n"
            "    os._exit(0)\n"
            "threading.Thread(target=later, daemon=True).start()\n"
        ),
    ],
)
async def test_forging_a_pass_is_impossible(sandbox: Sandbox, attack: str) -> None:
    report = await sandbox.grade(WRONG_ADD + attack, ADD_TESTS)
    assert report.status != "passed"
    assert report.passed == 0


@pytest.mark.parametrize(
    "body",
    [
        "import os\n    os._exit(0)",
        "raise SystemExit(0)",
        "raise KeyboardInterrupt",
        "import sys\n    sys.exit(0)",
    ],
)
async def test_escaping_from_inside_a_test_is_a_failure(sandbox: Sandbox, body: str) -> None:
    report = await sandbox.grade(f"def add(a, b):\n    {body}\n", ADD_TESTS)
    assert report.status != "passed"
    assert report.passed == 0


async def test_redirecting_the_report_pipe_cannot_forge(sandbox: Sandbox) -> None:
    # Capture the harness's own frames through a pipe of ours and replay them as results.
    attack = (
        "import os\n"
        "saved = os.dup(4)\n"
        "mine_r, mine_w = os.pipe()\n"
        "os.dup2(mine_w, 4)\n"
        "def add(a, b):\n"
        "    captured = os.read(mine_r, 65536)\n"
        "    os.dup2(saved, 4)\n"
        "    for _ in range(3):\n"
        "        os.write(4, captured)\n"
        "    os._exit(0)\n"
    )
    report = await sandbox.grade(attack, ADD_TESTS)
    assert report.status != "passed"
    assert report.passed == 0


async def test_introspection_is_refused(sandbox: Sandbox) -> None:
    code = (
        "import sys, gc\n"
        "blocked = []\n"
        "attempts = {\n"
        "    'getframe': lambda: sys._getframe(1),\n"
        "    'frames': lambda: sys._current_frames(),\n"
        "    'gc': lambda: gc.get_objects(),\n"
        "    'referrers': lambda: gc.get_referrers(sys),\n"
        "    'trace': lambda: sys.settrace(lambda *a: None),\n"
        "    'ctypes': lambda: __import__('ctypes'),\n"
        "    'subinterpreters': lambda: __import__('_xxsubinterpreters'),\n"
        "    'program': lambda: __import__('subprocess').run(['true']),\n"
        "}\n"
        "for name, attempt in attempts.items():\n"
        "    try:\n"
        "        attempt()\n"
        "    except (PermissionError, ValueError):\n"
        "        blocked.append(name)\n"
        "print(sorted(blocked) == sorted(attempts))\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError as error:\n"
        "    try:\n"
        "        error.__traceback__.tb_frame\n"
        "    except PermissionError:\n"
        "        print('tb_frame refused')\n"
        "print([c for c in object.__subclasses__() if 'sandbox' in getattr(c, '__module__', '')])\n"
        "print([m for m in sys.modules if 'sandbox' in m])\n"
    )
    result = await sandbox.execute(code)
    assert result.stdout.splitlines()[:2] == ["True", "tb_frame refused"], result.stderr
    assert result.stdout.splitlines()[3] == "[]"


async def test_hidden_test_source_stays_hidden(sandbox: Sandbox) -> None:
    secret = TestCase("hidden", "EXPECTED_ANSWER_SECRET = 12345\nassert answer() == 1\n")
    code = (
        "import sys, traceback\n"
        "def answer():\n"
        "    for attempt in (lambda: sys._getframe(1).f_code.co_consts,\n"
        "                    lambda: traceback.extract_stack()):\n"
        "        try:\n"
        "            print(attempt())\n"
        "        except Exception as error:\n"
        "            print(type(error).__name__)\n"
        "    return 0\n"
    )
    report = await sandbox.grade(code, [secret])
    assert report.status == "failed"
    assert "12345" not in report.stdout
    assert "EXPECTED_ANSWER_SECRET" not in report.stdout
    assert "12345" not in report.results[0].message


async def test_code_without_imports_cannot_read_frames_either(sandbox: Sandbox) -> None:
    # No "import" anywhere: the harness skips loading the traceback module, and then no
    # code at all may read tb_frame, also after reaching the import system another way.
    code = (
        "def frame_of(error):\n"
        "    try:\n"
        "        return error.__traceback__.tb_frame\n"
        "    except PermissionError:\n"
        "        return 'refused'\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError as error:\n"
        "    print(frame_of(error))\n"
        "loader = getattr(__builtins__, '__imp' + 'ort__')\n"
        "tb = loader('trace' + 'back')\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError as error:\n"
        "    try:\n"
        "        print(len(tb.extract_tb(error.__traceback__)))\n"
        "    except PermissionError:\n"
        "        print('refused')\n"
        "    print(frame_of(error))\n"
    )
    result = await sandbox.execute(code)
    assert result.stdout.splitlines() == ["refused", "refused", "refused"], result.stderr


async def test_an_uncaught_error_without_imports_is_still_described(sandbox: Sandbox) -> None:
    result = await sandbox.execute("def f(x):\n    return x[3]\nf([1])\n")
    assert result.status == "error"
    assert result.exception is not None
    assert (result.exception.type, result.exception.line) == ("IndexError", 2)
    assert "IndexError" in result.stderr


async def test_code_without_imports_can_still_use_lazily_imported_codecs(
    sandbox: Sandbox,
) -> None:
    result = await sandbox.execute("print('bücher.example'.encode('idna'))\n")
    assert result.status == "ok", result.stderr
    assert result.stdout == "b'xn--bcher-kva.example'\n"
