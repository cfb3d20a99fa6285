"""`mtqa server` pieces that need no client: LSP positions (UTF-16) and the message without pygls."""
import mtqa


def test_positions_round_trip_on_astral_text():
    from mtqa.lsp_positions import Positions

    text = "a𠮷b\r\n😀c\rd"
    p = Positions(text)
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] == "\r\n":
            continue  # between \r and \n is no position
        assert p.offset(*p.position(offset)) == offset
    assert p.position(3) == (0, 4) and p.position(6) == (1, 2)
    assert p.offset(0, 99) == 3 and p.offset(9, 0) == len(text)  # clamped


def test_mtqa_server_says_what_to_install_without_pygls(monkeypatch):
    import builtins

    from typer.testing import CliRunner

    from mtqa.cli import app

    real = builtins.__import__

    def no_pygls(name, *args, **kwargs):
        if name.startswith("pygls"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pygls)
    result = CliRunner().invoke(app, ["server"])
    assert result.exit_code != 0 and "mtqa[server]" in result.output
    assert mtqa.lint_text  # (the package imports without pygls)
