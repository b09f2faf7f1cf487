"""Measure `mslint server`: first diagnostics after start, warm diagnostics after an edit, memory after edits.

Usage: python benchmarks/bench_server.py [FILE] [--edits N] [--debounce-ms MS]

Starts the server as an editor would (LSP over stdio), opens FILE (default: a generated 1,000-line
MindSpore module with findings in it), then makes N edits one after another, each waiting for the
diagnostics of its version. Prints the time from process start to the first diagnostics, the median
and 90th percentile from an edit to its diagnostics, the server's CPU time per edit (the latency on an
idle core; on a loaded machine the wall times are longer) and the server's RSS after the edits.
``--debounce-ms`` is the server's pause after a change (default: the server's own default, so the
figure is what an editor sees; 0 measures the lint alone). Not a test: the numbers depend on the
machine and its load; report them, don't assert them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from mslint.server.protocol import DEFAULT_DEBOUNCE_MS

ROOT = Path(__file__).resolve().parent.parent
BLOCK = '''

class Block{index}(nn.Cell):
    """A residual block ported from PyTorch."""

    def __init__(self, channels, drop_rate=0.1):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, pad_mode="pad", padding=1)
        self.norm = nn.BatchNorm2d(channels, momentum=0.9)
        self.act = nn.ReLU()
        self.drop = nn.Dropout(p=drop_rate)
        self.fc = nn.Dense(channels, channels)

    def construct(self, x):
        batch = x.size(0)  # a finding with a safe fix
        y = self.drop(self.act(self.norm(self.conv(x))))
        y = ops.reshape(y, (batch, -1))
        return self.fc(y) + ops.mean(x.reshape(batch, -1), 1, keep_dims=True)
'''


def generated_module(lines: int) -> str:
    text = '"""A MindSpore model: generated for the server benchmark."""\nimport mindspore as ms\nfrom mindspore import nn, ops\n'
    index = 0
    while text.count("\n") + BLOCK.count("\n") <= lines:
        text += BLOCK.format(index=index)
        index += 1
    return text + "\n" * (lines - text.count("\n"))


class Session:
    """A client that records when each version of the document got its diagnostics."""

    def __init__(self) -> None:
        self.client = LanguageClient("mslint-bench", "1")
        self.published: dict[int | None, float] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.version, time.perf_counter())
            self.arrived.set()

    async def diagnostics_of(self, version: int) -> float:
        while version not in self.published:
            self.arrived.clear()
            await self.arrived.wait()
        return self.published[version]


async def measure(text: str, edits: int, debounce_ms: int) -> dict[str, float]:
    text = text if text.endswith("\n") else text + "\n"
    session = Session()
    client = session.client
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.py"
        path.write_text(text, encoding="utf-8")
        uri = from_fs_path(str(path))
        environment = {**os.environ, "GLOG_v": "3", "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        started = time.perf_counter()
        await client.start_io(sys.executable, "-m", "mslint", "server", cwd=folder, env=environment)
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=from_fs_path(folder),
                initialization_options={"debounce-ms": debounce_ms},
            )
        )
        client.initialized(types.InitializedParams())
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, text)))
        first = await session.diagnostics_of(1) - started
        server = psutil.Process(client._server.pid)  # pylint: disable=protected-access
        first_cpu = sum(server.cpu_times()[:2])
        # Each edit rewrites the last line (a top-level statement, valid whatever the file holds); the server
        # lints the whole buffer either way. CPU time of the server per edit is what the edit costs on an idle core.
        last = text.count("\n")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=uri),
                [types.TextDocumentContentChangePartial(range=types.Range(types.Position(last, 0), types.Position(last, 0)), text="edited = 0\n")],
            )
        )
        await session.diagnostics_of(2)
        latencies, cpu = [], []
        for version in range(3, edits + 3):
            change = types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(last, 0), types.Position(last + 1, 0)), text=f"edited = {version}\n"
            )
            sent, cpu_before = time.perf_counter(), sum(server.cpu_times()[:2])
            client.text_document_did_change(types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]))
            latencies.append(await session.diagnostics_of(version) - sent)
            cpu.append(sum(server.cpu_times()[:2]) - cpu_before)
        rss = server.memory_info().rss
        await client.shutdown_async(None)
        client.exit(None)
        await client._server.wait()  # pylint: disable=protected-access
        await client.stop()
    latencies.sort()
    return {
        "first": first,
        "first_cpu": first_cpu,
        "median": statistics.median(latencies),
        "p90": latencies[int(0.9 * (len(latencies) - 1))],
        "cpu": statistics.median(cpu),
        "rss": rss / 2**20,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="a Python file (default: a generated 1,000-line MindSpore module)")
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--debounce-ms", type=int, default=DEFAULT_DEBOUNCE_MS)
    options = parser.parse_args()
    text = options.file.read_text(encoding="utf-8") if options.file else generated_module(1000)
    name = str(options.file) if options.file else "generated MindSpore module"
    figures = asyncio.run(measure(text, options.edits, options.debounce_ms))
    print(f"{name}: {text.count(chr(10))} lines, {options.edits} edits, server debounce {options.debounce_ms} ms, load average {os.getloadavg()[0]:.1f}")
    print(f"  first diagnostics after start:  {figures['first'] * 1000:7.0f} ms ({figures['first_cpu'] * 1000:.0f} ms server CPU time)")
    print(f"  diagnostics after an edit:      {figures['median'] * 1000:7.0f} ms median, {figures['p90'] * 1000:.0f} ms p90")
    print(f"  server CPU time per edit:       {figures['cpu'] * 1000:7.0f} ms median")
    print(f"  server RSS after the edits:     {figures['rss']:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
