"""Drives `memor mcp` with the official MCP Python SDK, as an agent would.

Usage: client.py MEMOR DB USER CONVERSATION FOREIGN

CONVERSATION is one of USER's stored conversations, FOREIGN the id of another user's memory.

Starts `MEMOR mcp DB --user USER` once per connection mode of the SDK's `Client`: "auto" (the
SDK probes `server/discover` and speaks the stateless 2026-07-28 revision when the server does)
and "legacy" (the `initialize` handshake). Each time it lists the tools and calls each one,
then prints what it saw as one JSON object per mode on stdout; the Rust test judges it.
"""

import asyncio
import json
import sys

from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError


def result(r):
    """A CallToolResult as plain JSON."""
    return {
        "is_error": bool(r.is_error),
        "text": [c.text for c in r.content if getattr(c, "type", None) == "text"],
        "structured": r.structured_content,
    }


async def session(memor, db, user, conversation, foreign, mode):
    server = StdioServerParameters(command=memor, args=["mcp", db, "--user", user])
    seen = {"mode": mode}
    async with Client(server, mode=mode, read_timeout_seconds=60) as client:
        seen["protocol_version"] = client.protocol_version
        seen["server_name"] = client.server_info.name if client.server_info else None
        seen["instructions"] = client.instructions
        tools = await client.list_tools()
        seen["tools"] = [
            {"name": t.name, "required": t.input_schema.get("required", []), "has_output_schema": t.output_schema is not None}
            for t in tools.tools
        ]
        call = client.call_tool
        seen["recall_marathon"] = result(await call("recall", {"query": "what did Ana do in May 2023?"}))
        fact = f"Ana's sister Eva moved to Lisbon ({mode})"
        remembered = result(await call("remember", {"text": fact, "at": "2024-02-01"}))
        seen["remember"] = remembered
        seen["recall_sister"] = result(await call("recall", {"query": "Eva sister Lisbon", "k": 5}))
        if not remembered["is_error"]:
            seen["forget"] = result(await call("forget", {"id": remembered["structured"]["id"]}))
        seen["recall_sister_after_forget"] = result(await call("recall", {"query": "Eva sister Lisbon", "k": 5}))
        seen["list_conversations"] = result(await call("list_conversations", {}))
        seen["read_conversation"] = result(await call("read_conversation", {"conversation": conversation}))
        seen["read_page"] = result(await call("read_conversation", {"conversation": conversation, "offset": 1, "limit": 2}))
        # Mistakes a model makes: a bad argument is a tool error it can read; an unknown tool
        # is a protocol error.
        seen["recall_without_query"] = result(await call("recall", {"k": 3}))
        seen["forget_unknown"] = result(await call("forget", {"id": "no-such-memory"}))
        seen["forget_foreign"] = result(await call("forget", {"id": foreign}))
        try:
            await call("no_such_tool", {})
            seen["unknown_tool"] = "no error"
        except MCPError as e:
            seen["unknown_tool"] = {"code": e.error.code, "message": e.error.message}
    return seen


async def main():
    memor, db, user, conversation, foreign = sys.argv[1:6]
    for mode in ["auto", "legacy"]:
        print(json.dumps(await session(memor, db, user, conversation, foreign, mode)), flush=True)


asyncio.run(main())
