"""A local server speaking the OpenAI chat-completions wire protocol (JSON and SSE streaming).

It stands in for the third-party LLM provider only. `POST /control {"mode": ...}` switches it
between answering ("ok"), failing with HTTP 500 ("error") and stalling past any timeout
("slow"); every request it receives is kept for inspection at `GET /requests`.
"""

import asyncio
import json
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


class FakeLLM:
    def __init__(self, first_token_delay: float = 0.0, keep_requests: bool = True) -> None:
        self.mode = "ok"
        self.requests: list[dict[str, Any]] = []
        # Seconds before the first byte of an answer: a provider's queueing plus prefill.
        self.first_token_delay = first_token_delay
        # A long load test would otherwise keep every request body in memory.
        self.keep_requests = keep_requests

    def answer_for(self, body: dict[str, Any]) -> str:
        question = body["messages"][-1]["content"]
        grounding = next(
            (m["content"] for m in body["messages"] if m["content"].startswith("Concept:")), ""
        )
        concept = grounding.splitlines()[0].removeprefix("Concept: ") if grounding else "Python"
        return (
            f"**{concept}**, explained for you (model {body['model']}). You asked: {question}\n\n"
            "```python\nsquares = [n * n for n in range(3)]\nprint(squares)\n```\n"
        )

    async def chat(self, request: Request) -> Response:
        body = await request.json()
        if self.keep_requests:
            self.requests.append(body)
        if self.first_token_delay:
            await asyncio.sleep(self.first_token_delay)
        if self.mode == "error":
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}}, 500)
        if self.mode == "slow":
            await asyncio.sleep(30)
        text = self.answer_for(body)
        created = int(time.time())
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:12]}"
        if not body.get("stream"):
            return JSONResponse(
                {
                    "id": completion_id,
                    "object": "chat.completion",
                    "created": created,
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": text},
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
                }
            )

        async def events() -> AsyncIterator[bytes]:
            words = text.split(" ")
            for i, word in enumerate(words):
                delta = {"content": word + (" " if i < len(words) - 1 else "")}
                if i == 0:
                    delta["role"] = "assistant"
                chunk = {
                    "id": completion_id,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": body["model"],
                    "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
                }
                yield f"data: {json.dumps(chunk)}\n\n".encode()
            final = {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": body["model"],
                "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            }
            yield f"data: {json.dumps(final)}\n\ndata: [DONE]\n\n".encode()

        return StreamingResponse(events(), media_type="text/event-stream")

    async def control(self, request: Request) -> Response:
        self.mode = (await request.json())["mode"]
        return JSONResponse({"mode": self.mode})

    async def list_requests(self, _: Request) -> Response:
        return JSONResponse(self.requests)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/control", self.control, methods=["POST"]),
                Route("/requests", self.list_requests, methods=["GET"]),
            ]
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_fake_llm(fake: FakeLLM | None = None) -> Iterator[tuple[FakeLLM, str]]:
    """Serve `fake` (a new FakeLLM by default) on a free loopback port in a thread; yields
    (fake, base_url)."""
    fake = FakeLLM() if fake is None else fake
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(fake.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("fake LLM server did not start")
        time.sleep(0.02)
    try:
        yield fake, f"http://127.0.0.1:{port}/v1"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    """`python -m tests.support.fake_openai [PORT] [--port P] [--first-token-delay S]`.

    Runs it standalone (for e2e, load tests and by hand); the bare positional PORT still works.
    """
    import argparse

    parser = argparse.ArgumentParser(description="A fake OpenAI-compatible chat server.")
    parser.add_argument("port_arg", nargs="?", type=int, default=None, metavar="PORT")
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--first-token-delay",
        type=float,
        default=0.0,
        help="seconds before the first token (or the whole JSON answer); default 0",
    )
    parser.add_argument(
        "--forget-requests",
        action="store_true",
        help="do not keep request bodies for GET /requests (long load tests)",
    )
    args = parser.parse_args(argv)
    port = args.port or args.port_arg or 8100
    fake = FakeLLM(first_token_delay=args.first_token_delay, keep_requests=not args.forget_requests)
    uvicorn.run(fake.app(), host=args.host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
