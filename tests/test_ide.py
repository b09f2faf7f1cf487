"""What editors see: pylint's json2 (VS Code's Pylint extension) and python-lsp-server's diagnostics."""

from __future__ import annotations

import io
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
from functools import cache
from pathlib import Path

import pytest
from helpers import (
    CARDS,
    ROOT,
    card_findings,
    card_settings,
    lint_file,
    pylint_arguments,
)
from pylint.lint import Run
from pylint.reporters import JSON2Reporter

from mslint.outputs.findings import Finding, source_of
from mslint.rules.catalog import all_rules
from mslint.run import LintSettings, frameworks_kept_out_of_astroid

SEED = ROOT / "tests" / "fixtures" / "seed" / "bottleneck_half_ported.py"
# `--enable=mslint` would also turn on the off-by-default rules; editors run the defaults.
DEFAULT_RULES = "--enable=" + ",".join(rule.symbol for rule in all_rules() if rule.default_enabled)
LSP_TIMEOUT = 120  # seconds for the whole conversation with the server


def byte_range(finding: Finding) -> tuple[int, int, int, int]:
    """A finding's range in pylint's units: 1-based lines, 0-based UTF-8 byte columns."""
    source = source_of(finding.abspath)
    to_bytes = lambda line, column: len(source.line_text(line)[:column].encode("utf-8"))  # noqa: E731
    return finding.line, to_bytes(finding.line, finding.column), finding.end_line, to_bytes(finding.end_line, finding.end_column)


@cache
def json2_messages(settings: LintSettings) -> dict[Path, list[dict]]:
    """pylint's json2 messages on the bad.py of every card linted under ``settings``, in one run."""
    files = [CARDS / rule.symbol / "bad.py" for rule in all_rules() if card_settings(rule) == settings]
    output = io.StringIO()
    with frameworks_kept_out_of_astroid():  # as `mslint check` runs; a bare run would parse MindSpore's sources
        Run(["--load-plugins=mslint", "--disable=all", DEFAULT_RULES, *pylint_arguments(settings), *map(str, files)],
            reporter=JSON2Reporter(output), exit=False)
    messages: dict[Path, list[dict]] = {path: [] for path in files}
    for message in json.loads(output.getvalue())["messages"]:
        if message["symbol"].startswith("ms-"):
            messages[Path(message["absolutePath"])].append(message)
    return messages


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.symbol)
def test_json2_has_the_end_of_every_mslint_message(rule):
    messages = json2_messages(card_settings(rule))[CARDS / rule.symbol / "bad.py"]
    assert messages
    assert all(m["endLine"] is not None and m["endColumn"] is not None for m in messages)
    reported = {(m["symbol"], m["line"], m["column"], m["endLine"], m["endColumn"]) for m in messages}
    assert reported == {(f.symbol, *byte_range(f)) for f in card_findings(rule, "bad.py")}


def identifier_end(line: str, column: int) -> int:
    """pylsp ignores pylint's end position: its range ends with the identifier starting at the column, else at
    the end of the line (pylsp's lines keep their newline; it stops before it)."""
    match = re.match(r"[^\W\d]\w*", line[column:])
    return column + match.end() if match else len(line)


class LspClient:
    """A minimal LSP client over a server's stdio: Content-Length framed JSON-RPC."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.incoming: queue.Queue[dict] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.incoming.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: dict, timeout: float) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait_for(lambda message: message.get("id") == self.next_id and "method" not in message, timeout)

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, matches, timeout: float) -> dict:
        """The next message that ``matches``; server requests are answered with null."""
        try:
            while True:
                message = self.incoming.get(timeout=timeout)
                if "method" in message and "id" in message:
                    self.send({"id": message["id"], "result": None})
                if matches(message):
                    return message
        except queue.Empty:
            raise AssertionError(f"no matching message from the server within {timeout}s") from None

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=10)


def test_pylsp_publishes_mslint_diagnostics_with_their_ranges_and_codes(tmp_path):
    path = tmp_path / "net.py"
    shutil.copy(SEED, path)
    expected = lint_file(path)
    assert expected
    # pylsp runs pylint as `sys.executable -c ...` in a subprocess that inherits the server's environment
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    client = LspClient([sys.executable, "-m", "pylsp"], tmp_path, env)
    try:
        settings = {"pylsp": {"plugins": {"pylint": {"enabled": True, "args": ["--load-plugins=mslint", "--disable=all", DEFAULT_RULES]}}}}
        client.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}, "initializationOptions": settings},
            timeout=LSP_TIMEOUT,
        )
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8")
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
        published = client.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and any(d.get("source") == "pylint" for d in m["params"]["diagnostics"]),
            timeout=LSP_TIMEOUT,
        )
    finally:
        client.close()
    lines = text.splitlines()
    diagnostics = [d for d in published["params"]["diagnostics"] if d.get("source") == "pylint"]
    assert {d["code"] for d in diagnostics} <= {rule.msgid for rule in all_rules()}
    got = {(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["line"], d["range"]["end"]["character"]) for d in diagnostics}
    want = set()
    for finding in expected:
        line, column = finding.line - 1, finding.column  # ASCII file: characters are bytes
        want.add((finding.msg_id, line, column, line, identifier_end(lines[line], column)))
    assert got == want
    assert all(d["message"].startswith("[ms-") for d in diagnostics)
