"""Pure helpers of the child side, tested directly in this process."""

from pathlib import Path

from serve_app.domain.sandbox.child.guard import is_under, resolve
from serve_app.domain.sandbox.child.report import plain, short_repr


class Shouty:
    def __repr__(self) -> str:
        raise AssertionError("student code must never run while the harness builds reprs")


def test_short_repr_shows_builtins_and_never_calls_student_code() -> None:
    assert short_repr([1, 2, 3]) == "[1, 2, 3]"
    assert short_repr({"a": (1,)}) == "{'a': (1,)}"
    assert short_repr(Shouty()) == "<Shouty object>"
    assert short_repr([Shouty()]) == "[<Shouty object>]"
    long = short_repr(list(range(1000)))
    assert long == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... (1000 items)]"
    assert len(short_repr("x" * 1000)) == 80
    assert short_repr(10**5000).startswith("<int with")


def test_plain_returns_exact_str() -> None:
    class Sneaky(str):
        pass

    text = plain(Sneaky("hello"))
    assert type(text) is str
    assert text == "hello"
    assert plain(42) == "?"
    assert plain("x" * 1000, 10) == "xxxxxxx..."


def test_resolve_follows_links_and_dots(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("/etc")
    assert resolve(str(tmp_path / "real" / ".." / "real")) == str(tmp_path / "real")
    assert resolve(str(tmp_path / "link" / "passwd")) == "/etc/passwd"
    # /dev/fd is a link into /proc: the "../" must be taken from where the link leads.
    through_link = resolve(b"/dev/fd/../mem")
    assert through_link is not None
    assert through_link.startswith("/proc/")
    assert through_link.endswith("/mem")


def test_is_under() -> None:
    assert is_under("/sandbox/a", ("/sandbox",))
    assert is_under("/sandbox", ("/sandbox",))
    assert not is_under("/sandbox2/a", ("/sandbox",))
