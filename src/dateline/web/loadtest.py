"""A small closed-loop HTTP load generator for benchmarking the API on loopback.

``clients`` connections each send one request, wait for the whole answer, and send
the next, until ``requests`` answers have come back or ``seconds`` have passed.
HTTP/1.1 keep-alive over asyncio streams: the client costs little next to the server.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadResult:
    path: str
    clients: int
    latencies_ms: tuple[float, ...]
    errors: int
    seconds: float
    response_bytes: int  # of the last answer

    def percentile(self, p: float) -> float:
        """The p-th percentile (nearest rank) of the latencies, in ms."""
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
        return ordered[rank - 1]

    @property
    def throughput(self) -> float:
        """Answers per second over the whole run."""
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def summary(self) -> dict[str, float | int | str]:
        return {
            "path": self.path,
            "clients": self.clients,
            "requests": len(self.latencies_ms),
            "errors": self.errors,
            "p50_ms": round(self.percentile(50), 2),
            "p95_ms": round(self.percentile(95), 2),
            "p99_ms": round(self.percentile(99), 2),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 2) if self.latencies_ms else 0,
            "throughput_rps": round(self.throughput, 1),
            # the server's time per answer when busy: what a client waits for, less the queue
            "ms_per_request": round(1000 / self.throughput, 2) if self.throughput else 0,
            "response_bytes": self.response_bytes,
        }


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    if length is None:
        raise RuntimeError("the benchmark client needs a Content-Length in every answer")
    return status, await reader.readexactly(length)


async def _client(
    host: str,
    port: int,
    path: str,
    state: dict[str, int],
    latencies: list[float],
    deadline: float,
    total: int,
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode()
    try:
        while state["sent"] < total and time.perf_counter() < deadline:
            state["sent"] += 1
            started = time.perf_counter()
            writer.write(request)
            await writer.drain()
            status, body = await _read_response(reader)
            latencies.append((time.perf_counter() - started) * 1000)
            state["bytes"] = len(body)
            if status != 200:
                state["errors"] += 1
    finally:
        writer.close()


async def _run(
    host: str, port: int, path: str, clients: int, requests: int, seconds: float
) -> LoadResult:
    state = {"sent": 0, "errors": 0, "bytes": 0}
    latencies: list[float] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(_client(host, port, path, state, latencies, deadline, requests) for _ in range(clients))
    )
    elapsed = time.perf_counter() - started
    return LoadResult(path, clients, tuple(latencies), state["errors"], elapsed, state["bytes"])


def load(
    port: int,
    path: str,
    *,
    clients: int = 20,
    requests: int = 2000,
    seconds: float = 60.0,
    host: str = "127.0.0.1",
) -> LoadResult:
    """Send ``requests`` GETs of ``path`` from ``clients`` concurrent connections."""
    return asyncio.run(_run(host, port, path, clients, requests, seconds))
