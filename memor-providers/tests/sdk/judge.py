"""The providers' official Python SDKs as judges of memor's requests and reply reading.

For each case (a conversation of conversations.json, a provider, a reply), the provider's SDK
sends its own request for the conversation (the neutral conversation turned into the SDK's own
parameter types by the `*_messages`/`*_kwargs` functions below, written from each SDK's
documentation, not from memor's code) to a loopback server (base URL 127.0.0.1, a dummy
key), which answers with a reply built from the SDK's own response models; the SDK reads it.
Printed (one JSON document on stdout): per case the request the SDK sent (path, headers,
body), the reply's bytes, what the SDK read from it (text, refusal, tool calls, tokens, finish
reason, reasoning state), and, for cases with a follow-up, the next request the SDK sent after
appending its reading of the reply and a tool result, as the SDKs' documentation does it.
memor's side is tests/it/sdk_judge.rs, which runs this script.

Exit status 3 when an SDK is missing (the Rust test turns that into a failure under
MEMOR_REQUIRE_PYTHON=1).
"""

import base64
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    import anthropic
    import ollama
    import openai
    from google import genai
    from google.genai import types as gt
    from mistralai.client import Mistral
    from mistralai.client import models as mm
except ImportError as e:  # pragma: no cover
    print(f"missing SDK: {e}", file=sys.stderr)
    sys.exit(3)

KEY = "sk-judge-0123456789"


# ---------------------------------------------------------------- loopback server

class Server:
    """Records each request and answers it with the next queued reply."""

    def __init__(self):
        self.recorded = []
        self.replies = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                n = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(n)
                outer.recorded.append({
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": json.loads(body) if body else None,
                })
                ctype, data = outer.replies.pop(0)
                self.send_response(200)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"


def compact(value):
    """JSON text as memor (serde_json) writes it: no spaces, non-ASCII kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def sse(events):
    out = ""
    for name, data in events:
        if name:
            out += f"event: {name}\n"
        out += f"data: {data}\n\n"
    return ("text/event-stream", out.encode())


def dump(model):
    return model.model_dump(mode="json", exclude_none=True, by_alias=True)


def items_of(message, provider):
    return [r["item"] for r in message.get("reasoning", []) if r["provider"] == provider]


# ---------------------------------------------------------------- OpenAI chat completions

def openai_messages(conv):
    out = []
    for m in conv["messages"]:
        for r in m.get("tool_results", []):
            out.append({"role": "tool", "tool_call_id": r["call_id"], "content": r["content"]})
        if m.get("tool_calls"):
            out.append({"role": "assistant", "content": m["text"] or None, "tool_calls": [
                {"id": c["id"], "type": "function",
                 "function": {"name": c["name"], "arguments": compact(c["arguments"])}}
                for c in m["tool_calls"]]})
        elif m.get("images"):
            parts = [{"type": "text", "text": m["text"]}] if m["text"] else []
            for i in m["images"]:
                url = i.get("url") or f"data:{i['media_type']};base64,{i['base64']}"
                parts.append({"type": "image_url", "image_url": {"url": url}})
            out.append({"role": m["role"], "content": parts})
        elif m["text"] or not m.get("tool_results"):
            out.append({"role": m["role"], "content": m["text"]})
    return out


def openai_kwargs(conv, model, max_key="max_completion_tokens"):
    o = conv["options"]
    kw = {"model": model, "messages": openai_messages(conv)}
    if o.get("tools"):
        kw["tools"] = [{"type": "function", "function": t} for t in o["tools"]]
    if o.get("tool_choice"):
        kw["tool_choice"] = o["tool_choice"]
    for ours, theirs in [("temperature", "temperature"), ("top_p", "top_p"), ("max_tokens", max_key)]:
        if ours in o:
            kw[theirs] = o[ours]
    if "candidates" in o:
        kw["n"] = o["candidates"]
    return kw


def openai_reply(kind):
    from openai.types.chat import ChatCompletion, ChatCompletionChunk
    usage = {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21,
             "completion_tokens_details": {"reasoning_tokens": 0}}
    base = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1718605391, "model": "gpt-4o-mini-2024-07-18",
            "usage": usage, "system_fingerprint": "fp_1"}
    msg = {"role": "assistant"}
    finish = "stop"
    if kind == "plain":
        msg["content"] = "Hello there."
    elif kind == "candidates":
        c = ChatCompletion(**base, choices=[
            {"index": 0, "message": {"role": "assistant", "content": "Glee."}, "finish_reason": "stop"},
            {"index": 1, "message": {"role": "assistant", "content": "Delight."}, "finish_reason": "stop"}])
        return ("application/json", c.model_dump_json(exclude_unset=True).encode())
    elif kind == "tool_call":
        msg["content"] = None
        msg["tool_calls"] = [{"id": "call_H5zLfaW6", "type": "function",
                              "function": {"name": "get_weather", "arguments": "{\"city\": \"Rome\"}"}}]
        finish = "tool_calls"
    elif kind == "refusal":
        msg["content"] = None
        msg["refusal"] = "I can't help with that."
    elif kind == "length_empty":
        msg["content"] = None
        finish = "length"
    elif kind.startswith("stream"):
        chunks = []
        def chunk(delta, finish_reason=None, usage_=None):
            c = {"id": "chatcmpl-2", "object": "chat.completion.chunk", "created": 1718605391,
                 "model": "gpt-4o-mini-2024-07-18", "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}]}
            if usage_:
                c["choices"] = []
                c["usage"] = usage_
            chunks.append((None, ChatCompletionChunk(**c).model_dump_json(exclude_unset=True)))
        if kind == "stream":
            chunk({"role": "assistant", "content": ""})
            chunk({"content": "Hel"})
            chunk({"content": "lo."})
            chunk({}, "stop")
        elif kind == "stream_refusal":
            chunk({"role": "assistant", "content": None, "refusal": ""})
            chunk({"refusal": "I can't "})
            chunk({"refusal": "help."})
            chunk({}, "stop")
        elif kind == "stream_tool_call":
            chunk({"role": "assistant", "tool_calls": [{"index": 0, "id": "call_9", "type": "function",
                                                         "function": {"name": "get_weather", "arguments": ""}}]})
            chunk({"tool_calls": [{"index": 0, "function": {"arguments": "{\"city\":"}}]})
            chunk({"tool_calls": [{"index": 0, "function": {"arguments": " \"Rome\"}"}}]})
            chunk({}, "tool_calls")
        chunk(None, usage_=usage)
        chunks.append((None, "[DONE]"))
        return sse(chunks)
    c = ChatCompletion(**base, choices=[{"index": 0, "message": msg, "finish_reason": finish}])
    return ("application/json", c.model_dump_json(exclude_unset=True).encode())


def openai_read(completion):
    out = []
    for ch in completion.choices:
        m = ch.message
        out.append({"text": m.content, "refusal": m.refusal, "finish_reason": ch.finish_reason,
                    "tool_calls": [{"id": c.id, "name": c.function.name, "arguments": json.loads(c.function.arguments)}
                                   for c in (m.tool_calls or [])]})
    usage = completion.usage
    return {"candidates": out, "tokens": usage.completion_tokens if usage and len(out) == 1 else None,
            "model": completion.model}


def run_openai(server, conv, model, kind):
    client = openai.OpenAI(base_url=server.base + "/v1", api_key=KEY, max_retries=0)
    kw = openai_kwargs(conv, model)
    if kind.startswith("stream"):
        kw["stream_options"] = {"include_usage": True}
        with client.chat.completions.stream(**kw) as s:
            for _ in s:
                pass
            return openai_read(s.get_final_completion())
    return openai_read(client.chat.completions.create(**kw))


# ---------------------------------------------------------------- OpenAI Responses

def responses_input(conv):
    instructions, items = [], []
    for m in conv["messages"]:
        if m["role"] == "system":
            instructions.append(m["text"])
            continue
        for r in m.get("tool_results", []):
            items.append({"type": "function_call_output", "call_id": r["call_id"], "output": r["content"]})
        items.extend(items_of(m, "openai_responses"))
        if m.get("images"):
            parts = [{"type": "input_text", "text": m["text"]}] if m["text"] else []
            for i in m["images"]:
                url = i.get("url") or f"data:{i['media_type']};base64,{i['base64']}"
                parts.append({"type": "input_image", "image_url": url, "detail": "auto"})
            items.append({"role": m["role"], "content": parts})
        elif m["text"] or not (m.get("tool_results") or m.get("tool_calls")):
            items.append({"role": m["role"], "content": m["text"]})
        for c in m.get("tool_calls", []):
            items.append({"type": "function_call", "call_id": c["id"], "name": c["name"],
                          "arguments": compact(c["arguments"])})
    return instructions, items


def responses_kwargs(conv, model, items=None):
    o = conv["options"]
    instructions, input_ = responses_input(conv)
    kw = {"model": model, "input": items if items is not None else input_, "store": False}
    if instructions:
        kw["instructions"] = "\n\n".join(instructions)
    if o.get("tools"):
        kw["tools"] = [{"type": "function", "strict": False, **t} for t in o["tools"]]
    if o.get("tool_choice"):
        kw["tool_choice"] = o["tool_choice"]
    for ours, theirs in [("temperature", "temperature"), ("top_p", "top_p"), ("max_tokens", "max_output_tokens")]:
        if ours in o:
            kw[theirs] = o[ours]
    return kw


def responses_reply(kind):
    from openai.types.responses import Response
    usage = {"input_tokens": 80, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0}, "output_tokens": 9,
             "output_tokens_details": {"reasoning_tokens": 4}, "total_tokens": 89}
    base = {"id": "resp_1", "object": "response", "created_at": 1718605391, "model": "gpt-4.1-2025-04-14",
            "status": "completed", "parallel_tool_calls": True, "tool_choice": "auto", "tools": [], "usage": usage}
    def message(parts):
        return {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed", "content": parts}
    reasoning = {"type": "reasoning", "id": "rs_9", "summary": [{"type": "summary_text", "text": "Look it up."}],
                 "encrypted_content": "gAAAAABoREASONING=="}
    if kind == "plain":
        output = [message([{"type": "output_text", "text": "18 °C and clear.", "annotations": []}])]
    elif kind == "part_list":
        output = [message([{"type": "output_text", "text": "One. ", "annotations": []},
                           {"type": "output_text", "text": "Two.", "annotations": []}])]
    elif kind == "refusal":
        output = [message([{"type": "refusal", "refusal": "I can't help with that."}])]
    elif kind in ("reasoning", "stream_reasoning"):
        output = [reasoning, {"type": "function_call", "id": "fc_1", "call_id": "call_R1", "name": "get_weather",
                              "arguments": "{\"city\":\"Rome\"}", "status": "completed"}]
    r = Response(**base, output=output)
    if kind == "stream_reasoning":
        d = r.model_dump(mode="json", exclude_unset=True)
        events = [
            {"type": "response.created", "sequence_number": 0, "response": {**d, "status": "in_progress", "output": []}},
            {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0,
             "item": {**reasoning, "summary": []}},
            {"type": "response.output_item.done", "sequence_number": 2, "output_index": 0, "item": reasoning},
            {"type": "response.output_item.added", "sequence_number": 3, "output_index": 1,
             "item": {**output[1], "arguments": "", "status": "in_progress"}},
            {"type": "response.function_call_arguments.delta", "sequence_number": 4, "output_index": 1,
             "item_id": "fc_1", "delta": "{\"city\":"},
            {"type": "response.function_call_arguments.delta", "sequence_number": 5, "output_index": 1,
             "item_id": "fc_1", "delta": "\"Rome\"}"},
            {"type": "response.function_call_arguments.done", "sequence_number": 6, "output_index": 1,
             "item_id": "fc_1", "name": "get_weather", "arguments": "{\"city\":\"Rome\"}"},
            {"type": "response.output_item.done", "sequence_number": 7, "output_index": 1, "item": output[1]},
            {"type": "response.completed", "sequence_number": 8, "response": d},
        ]
        return sse([(e["type"], compact(e)) for e in events])
    return ("application/json", r.model_dump_json(exclude_unset=True).encode())


def responses_read(r):
    text, refusal, calls, reasoning = "", None, [], []
    for item in r.output:
        if item.type == "message":
            for p in item.content:
                if p.type == "output_text":
                    text += p.text
                else:
                    refusal = (refusal or "") + p.refusal
        elif item.type == "function_call":
            calls.append({"id": item.call_id, "name": item.name, "arguments": json.loads(item.arguments)})
        elif item.type == "reasoning":
            reasoning.append(item.model_dump(mode="json", exclude_none=True))
    return {"candidates": [{"text": text, "refusal": refusal, "finish_reason": r.status, "tool_calls": calls,
                            "reasoning": reasoning}],
            "tokens": r.usage.output_tokens, "model": r.model}


def run_responses(server, conv, model, kind, followup):
    client = openai.OpenAI(base_url=server.base + "/v1", api_key=KEY, max_retries=0)
    kw = responses_kwargs(conv, model)
    if kind.startswith("stream"):
        with client.responses.stream(**kw) as s:
            for _ in s:
                pass
            r = s.get_final_response()
    else:
        r = client.responses.create(**kw)
    read = responses_read(r)
    if followup:
        # The SDK's documented replay: the reply's output items, then the tool output.
        items = kw["input"] + [i.model_dump(mode="json", exclude_none=True) for i in r.output]
        items.append({"type": "function_call_output", "call_id": followup["call_id"], "output": followup["content"]})
        server.replies.append(responses_reply("plain"))
        client.responses.create(**responses_kwargs(conv, model, items))
    return read


# ---------------------------------------------------------------- Anthropic

def anthropic_messages(conv):
    system, out = [], []
    for m in conv["messages"]:
        if m["role"] == "system":
            system.append(m["text"])
            continue
        simple = not (m.get("tool_results") or m.get("tool_calls") or m.get("images") or items_of(m, "anthropic"))
        if simple:
            out.append({"role": m["role"], "content": m["text"]})
            continue
        blocks = []
        for r in m.get("tool_results", []):
            blocks.append({"type": "tool_result", "tool_use_id": r["call_id"], "content": r["content"]})
        blocks.extend(items_of(m, "anthropic"))
        for i in m.get("images", []):
            source = ({"type": "url", "url": i["url"]} if "url" in i
                      else {"type": "base64", "media_type": i["media_type"], "data": i["base64"]})
            blocks.append({"type": "image", "source": source})
        if m["text"]:
            blocks.append({"type": "text", "text": m["text"]})
        for c in m.get("tool_calls", []):
            blocks.append({"type": "tool_use", "id": c["id"], "name": c["name"], "input": c["arguments"]})
        out.append({"role": m["role"], "content": blocks})
    return system, out


def anthropic_kwargs(conv, model, messages=None):
    o = conv["options"]
    system, msgs = anthropic_messages(conv)
    kw = {"model": model, "max_tokens": o.get("max_tokens", 1024), "messages": messages or msgs}
    if system:
        kw["system"] = "\n\n".join(system)
    if o.get("tools"):
        kw["tools"] = [{"name": t["name"], "description": t["description"], "input_schema": t["parameters"]}
                       for t in o["tools"]]
    if o.get("tool_choice"):
        kw["tool_choice"] = {"type": o["tool_choice"]}
    for k in ("temperature", "top_p"):
        if k in o:
            kw[k] = o[k]
    return kw


def anthropic_reply(kind):
    from anthropic.types import Message
    usage = {"input_tokens": 478, "output_tokens": 71, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
    base = {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
            "stop_sequence": None, "usage": usage}
    thinking = {"type": "thinking", "thinking": "Rome: call the tool.", "signature": "ErUBCkYIBxgCSIGNED=="}
    call = {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Rome"}}
    if kind == "plain":
        content, stop = [{"type": "text", "text": "Hello there."}], "end_turn"
    elif kind == "part_list":
        content, stop = [{"type": "text", "text": "One. "}, {"type": "text", "text": "Two."}], "end_turn"
    elif kind == "refusal":
        content, stop = [{"type": "text", "text": "I can't help with that."}], "refusal"
    elif kind in ("reasoning", "stream_reasoning"):
        content, stop = [thinking, {"type": "text", "text": "Checking."}, call], "tool_use"
    m = Message(**base, content=content, stop_reason=stop)
    if kind != "stream_reasoning":
        return ("application/json", m.model_dump_json(exclude_unset=True).encode())
    events = [("message_start", {"type": "message_start", "message": {**m.model_dump(mode="json"), "content": [],
                                                                       "stop_reason": None,
                                                                       "usage": {**usage, "output_tokens": 1}}}),
              ("content_block_start", {"type": "content_block_start", "index": 0,
                                       "content_block": {"type": "thinking", "thinking": "", "signature": ""}}),
              ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                       "delta": {"type": "thinking_delta", "thinking": "Rome: "}}),
              ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                       "delta": {"type": "thinking_delta", "thinking": "call the tool."}}),
              ("content_block_delta", {"type": "content_block_delta", "index": 0,
                                       "delta": {"type": "signature_delta", "signature": thinking["signature"]}}),
              ("content_block_stop", {"type": "content_block_stop", "index": 0}),
              ("content_block_start", {"type": "content_block_start", "index": 1,
                                       "content_block": {"type": "text", "text": ""}}),
              ("content_block_delta", {"type": "content_block_delta", "index": 1,
                                       "delta": {"type": "text_delta", "text": "Checking."}}),
              ("content_block_stop", {"type": "content_block_stop", "index": 1}),
              ("content_block_start", {"type": "content_block_start", "index": 2,
                                       "content_block": {**call, "input": {}}}),
              ("content_block_delta", {"type": "content_block_delta", "index": 2,
                                       "delta": {"type": "input_json_delta", "partial_json": "{\"city\": "}}),
              ("content_block_delta", {"type": "content_block_delta", "index": 2,
                                       "delta": {"type": "input_json_delta", "partial_json": "\"Rome\"}"}}),
              ("content_block_stop", {"type": "content_block_stop", "index": 2}),
              ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
                                 "usage": {"output_tokens": 71}}),
              ("message_stop", {"type": "message_stop"})]
    return sse([(n, compact(d)) for n, d in events])


def anthropic_read(m):
    text = "".join(b.text for b in m.content if b.type == "text")
    calls = [{"id": b.id, "name": b.name, "arguments": b.input} for b in m.content if b.type == "tool_use"]
    reasoning = [b.model_dump(mode="json", exclude_none=True) for b in m.content
                 if b.type in ("thinking", "redacted_thinking")]
    return {"candidates": [{"text": text, "refusal": text if m.stop_reason == "refusal" else None,
                            "finish_reason": m.stop_reason, "tool_calls": calls, "reasoning": reasoning}],
            "tokens": m.usage.output_tokens, "model": m.model}


def run_anthropic(server, conv, model, kind, followup):
    client = anthropic.Anthropic(base_url=server.base, api_key=KEY, max_retries=0)
    kw = anthropic_kwargs(conv, model)
    if kind.startswith("stream"):
        with client.messages.stream(**kw) as s:
            for _ in s:
                pass
            m = s.get_final_message()
    else:
        m = client.messages.create(**kw)
    read = anthropic_read(m)
    if followup:
        # The SDK's documented replay: the reply's content blocks as they came, then the result.
        messages = kw["messages"] + [
            {"role": "assistant", "content": [b.model_dump(mode="json", exclude_none=True) for b in m.content]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": followup["call_id"],
                                          "content": followup["content"]}]}]
        server.replies.append(anthropic_reply("plain"))
        client.messages.create(**anthropic_kwargs(conv, model, messages))
    return read


# ---------------------------------------------------------------- Gemini (google-genai)

def gemini_contents(conv):
    system, contents = [], []
    for m in conv["messages"]:
        if m["role"] == "system":
            system.append(m["text"])
            continue
        parts = []
        for r in m.get("tool_results", []):
            try:
                response = json.loads(r["content"])
            except ValueError:
                response = r["content"]
            if not isinstance(response, dict):
                response = {"content": response}
            parts.append(gt.Part.from_function_response(name=r["name"], response=response))
        if m["text"] or not parts and not m.get("tool_calls"):
            parts.append(gt.Part(text=m["text"]))
        for i in m.get("images", []):
            if "url" in i:
                parts.append(gt.Part.from_uri(file_uri=i["url"]))
            else:
                parts.append(gt.Part.from_bytes(data=base64.b64decode(i["base64"]), mime_type=i["media_type"]))
        signatures = [it for it in items_of(m, "gemini") if "functionCall" in it]
        for c in m.get("tool_calls", []):
            sig = next((s["thoughtSignature"] for s in signatures if s["functionCall"]["name"] == c["name"]), None)
            part = gt.Part(function_call=gt.FunctionCall(name=c["name"], args=c["arguments"]),
                           thought_signature=base64.b64decode(sig) if sig else None)
            parts.append(part)
        contents.append(gt.Content(role="model" if m["role"] == "assistant" else "user", parts=parts))
    return system, contents


def gemini_config(conv):
    o = conv["options"]
    system, _ = gemini_contents(conv)
    kw = {}
    if system:
        kw["system_instruction"] = "\n\n".join(system)
    if o.get("tools"):
        kw["tools"] = [gt.Tool(function_declarations=[
            gt.FunctionDeclaration(name=t["name"], description=t["description"], parameters_json_schema=t["parameters"])
            for t in o["tools"]])]
        # The SDK would otherwise call Python functions itself; memor does not.
        kw["automatic_function_calling"] = gt.AutomaticFunctionCallingConfig(disable=True)
    if o.get("tool_choice"):
        kw["tool_config"] = gt.ToolConfig(function_calling_config=gt.FunctionCallingConfig(
            mode=o["tool_choice"].upper()))
    for ours, theirs in [("temperature", "temperature"), ("top_p", "top_p"), ("max_tokens", "max_output_tokens"),
                         ("candidates", "candidate_count")]:
        if ours in o:
            kw[theirs] = o[ours]
    return gt.GenerateContentConfig(**kw)


def gemini_reply(kind):
    usage = gt.GenerateContentResponseUsageMetadata(prompt_token_count=42, candidates_token_count=7,
                                                    total_token_count=49, thoughts_token_count=0)
    def cand(parts, finish="STOP", index=0):
        return gt.Candidate(content=gt.Content(role="model", parts=parts), finish_reason=finish, index=index)
    sig = base64.b64decode("CiQBGMQMjSIS++//")
    if kind == "plain":
        cands = [cand([gt.Part(text="AMC 16 is showing it.")])]
    elif kind == "part_list":
        cands = [cand([gt.Part(text="Thinking it over.", thought=True), gt.Part(text="One. "), gt.Part(text="Two.")])]
    elif kind == "candidates":
        cands = [cand([gt.Part(text="Glee.")]), cand([gt.Part(text="Delight.")], index=1)]
    elif kind == "safety_empty":
        cands = [gt.Candidate(finish_reason="SAFETY", index=0)]
    elif kind in ("reasoning", "stream_reasoning"):
        cands = [cand([gt.Part(function_call=gt.FunctionCall(name="get_weather", args={"city": "Rome"}),
                               thought_signature=sig)])]
    r = gt.GenerateContentResponse(candidates=cands, usage_metadata=usage, model_version="gemini-2.5-flash-001",
                                   response_id="resp-g1")
    if kind == "stream_reasoning":
        first = gt.GenerateContentResponse(candidates=[cand([gt.Part(text="Let me check. ")], finish=None)],
                                           model_version="gemini-2.5-flash-001", response_id="resp-g1")
        return sse([(None, compact(dump(first))), (None, compact(dump(r)))])
    return ("application/json", compact(dump(r)).encode())


def gemini_read(r):
    out = []
    for c in r.candidates or []:
        parts = (c.content.parts if c.content else None) or []
        text = "".join(p.text for p in parts if p.text and not p.thought)
        calls = [{"id": None, "name": p.function_call.name, "arguments": p.function_call.args}
                 for p in parts if p.function_call]
        reasoning = [dump(p) for p in parts if p.thought or p.thought_signature]
        out.append({"text": text, "refusal": None, "finish_reason": c.finish_reason.value if c.finish_reason else None,
                    "tool_calls": calls, "reasoning": reasoning})
    u = r.usage_metadata
    return {"candidates": out, "tokens": u.candidates_token_count if u and len(out) == 1 else None,
            "model": r.model_version}


def run_gemini(server, conv, model, kind, followup):
    client = genai.Client(api_key=KEY, http_options=gt.HttpOptions(base_url=server.base))
    _, contents = gemini_contents(conv)
    if kind.startswith("stream"):
        chunks = list(client.models.generate_content_stream(model=model, contents=contents, config=gemini_config(conv)))
        parts = [p for ch in chunks for p in ch.candidates[0].content.parts]
        merged = gt.GenerateContentResponse(
            candidates=[gt.Candidate(content=gt.Content(role="model", parts=parts),
                                     finish_reason=chunks[-1].candidates[0].finish_reason)],
            usage_metadata=chunks[-1].usage_metadata, model_version=chunks[-1].model_version)
        r = merged
    else:
        r = client.models.generate_content(model=model, contents=contents, config=gemini_config(conv))
    read = gemini_read(r)
    if followup:
        # The SDK's documented replay: the candidate's content as it came, then the response.
        later = contents + [r.candidates[0].content, gt.Content(role="user", parts=[
            gt.Part.from_function_response(name=followup["name"], response=json.loads(followup["content"]))])]
        server.replies.append(gemini_reply("plain"))
        client.models.generate_content(model=model, contents=later, config=gemini_config(conv))
    return read


# ---------------------------------------------------------------- Ollama

def ollama_messages(conv):
    out = []
    for m in conv["messages"]:
        for r in m.get("tool_results", []):
            out.append({"role": "tool", "content": r["content"], "tool_name": r["name"]})
        if m.get("tool_results") and not m["text"]:
            continue
        msg = {"role": m["role"], "content": m["text"]}
        if m.get("images"):
            msg["images"] = [ollama.Image(value=i["base64"]) for i in m["images"]]
        if m.get("tool_calls"):
            msg["tool_calls"] = [{"function": {"name": c["name"], "arguments": c["arguments"]}} for c in m["tool_calls"]]
        out.append(msg)
    return out


def ollama_kwargs(conv, model):
    o = conv["options"]
    kw = {"model": model, "messages": ollama_messages(conv)}
    if o.get("tools"):
        kw["tools"] = [{"type": "function", "function": t} for t in o["tools"]]
    opts = {theirs: o[ours] for ours, theirs in [("temperature", "temperature"), ("top_p", "top_p"),
                                                  ("max_tokens", "num_predict")] if ours in o}
    if opts:
        kw["options"] = opts
    return kw


def ollama_reply(kind):
    base = {"model": "qwen3:8b", "created_at": "2025-10-17T23:14:07.414671Z", "done": True, "done_reason": "stop",
            "total_duration": 174560334, "load_duration": 101397084, "prompt_eval_count": 11,
            "prompt_eval_duration": 13074791, "eval_count": 18, "eval_duration": 52479709}
    if kind == "plain":
        r = ollama.ChatResponse(**base, message=ollama.Message(role="assistant", content="Hello!"))
    elif kind == "tool_call":
        r = ollama.ChatResponse(**base, message=ollama.Message(role="assistant", content="", tool_calls=[
            ollama.Message.ToolCall(function=ollama.Message.ToolCall.Function(name="get_weather",
                                                                              arguments={"city": "Rome"}))]))
    elif kind == "stream":
        lines = [ollama.ChatResponse(model="qwen3:8b", created_at="2025-10-17T23:14:07Z", done=False,
                                     message=ollama.Message(role="assistant", content=t)) for t in ("Hel", "lo!")]
        lines.append(ollama.ChatResponse(**base, message=ollama.Message(role="assistant", content="")))
        return ("application/x-ndjson", "".join(compact(dump(x)) + "\n" for x in lines).encode())
    return ("application/json", compact(dump(r)).encode())


def ollama_read(r):
    calls = [{"id": None, "name": c.function.name, "arguments": dict(c.function.arguments)}
             for c in (r.message.tool_calls or [])]
    return {"candidates": [{"text": r.message.content or "", "refusal": None, "finish_reason": r.done_reason,
                            "tool_calls": calls, "reasoning": []}], "tokens": r.eval_count, "model": r.model}


def run_ollama(server, conv, model, kind):
    client = ollama.Client(host=server.base)
    kw = ollama_kwargs(conv, model)
    if kind.startswith("stream"):
        text, last = "", None
        for part in client.chat(**kw, stream=True):
            text += part.message.content or ""
            last = part
        last.message.content = text
        return ollama_read(last)
    return ollama_read(client.chat(**kw))


# ---------------------------------------------------------------- Mistral

def mistral_messages(conv):
    out = []
    for m in conv["messages"]:
        for r in m.get("tool_results", []):
            out.append(mm.ToolMessage(content=r["content"], tool_call_id=r["call_id"], name=r["name"]))
        if m.get("tool_calls"):
            out.append(mm.AssistantMessage(content=m["text"], tool_calls=[
                mm.ToolCall(id=c["id"], type="function",
                            function=mm.FunctionCall(name=c["name"], arguments=compact(c["arguments"])))
                for c in m["tool_calls"]]))
        elif m.get("images"):
            chunks = [mm.TextChunk(text=m["text"])] if m["text"] else []
            for i in m["images"]:
                url = i.get("url") or f"data:{i['media_type']};base64,{i['base64']}"
                chunks.append(mm.ImageURLChunk(image_url=url))
            out.append(mm.UserMessage(content=chunks))
        elif m["text"] or not m.get("tool_results"):
            cls = {"system": mm.SystemMessage, "user": mm.UserMessage, "assistant": mm.AssistantMessage}[m["role"]]
            out.append(cls(content=m["text"]))
    return out


def mistral_kwargs(conv, model):
    o = conv["options"]
    kw = {"model": model, "messages": mistral_messages(conv)}
    if o.get("tools"):
        kw["tools"] = [mm.Tool(type="function", function=mm.Function(**t)) for t in o["tools"]]
    if o.get("tool_choice"):
        kw["tool_choice"] = o["tool_choice"]
    for ours, theirs in [("temperature", "temperature"), ("top_p", "top_p"), ("max_tokens", "max_tokens"),
                         ("candidates", "n")]:
        if ours in o:
            kw[theirs] = o[ours]
    return kw


def mistral_reply(kind):
    usage = mm.UsageInfo(prompt_tokens=90, completion_tokens=8, total_tokens=98)
    def resp(choices):
        return mm.ChatCompletionResponse(id="cmpl-1", object="chat.completion", created=1702256327,
                                         model="mistral-large-2411", usage=usage, choices=choices)
    def choice(content, index=0, finish="stop", calls=None):
        return mm.ChatCompletionChoice(index=index, finish_reason=finish,
                                       message=mm.AssistantMessage(content=content, tool_calls=calls))
    if kind == "plain":
        r = resp([choice("Transaction T1001 is paid.")])
    elif kind == "part_list":
        r = resp([choice([mm.ThinkChunk(thinking=[mm.TextChunk(text="Check the ledger.")]),
                          mm.TextChunk(text="One. "), mm.TextChunk(text="Two.")])])
    elif kind == "candidates":
        r = resp([choice("Glee."), choice("Delight.", index=1)])
    elif kind == "tool_call":
        r = resp([choice("", finish="tool_calls", calls=[mm.ToolCall(
            id="Xy7Kp2Lm9", function=mm.FunctionCall(name="get_weather", arguments="{\"city\": \"Rome\"}"))])])
    elif kind == "stream":
        def chunk(delta, finish=None, with_usage=False):
            c = mm.CompletionChunk(id="cmpl-2", model="mistral-large-2411", created=1702256327,
                                   usage=usage if with_usage else None,
                                   choices=[mm.CompletionResponseStreamChoice(index=0, delta=delta,
                                                                              finish_reason=finish)])
            return (None, compact(c.model_dump(mode="json", by_alias=True, exclude_none=True)))
        return sse([chunk(mm.DeltaMessage(role="assistant", content="")),
                    chunk(mm.DeltaMessage(content="Hel")),
                    chunk(mm.DeltaMessage(content=[mm.TextChunk(text="lo.")])),
                    chunk(mm.DeltaMessage(content=""), finish="stop", with_usage=True),
                    (None, "[DONE]")])
    return ("application/json", compact(r.model_dump(mode="json", by_alias=True, exclude_none=True)).encode())


def mistral_text(content):
    if isinstance(content, str) or content is None:
        return content or ""
    return "".join(c.text for c in content if getattr(c, "type", None) == "text")


def mistral_read(r):
    out = []
    for ch in r.choices:
        m = ch.message
        out.append({"text": mistral_text(m.content), "refusal": None, "finish_reason": ch.finish_reason,
                    "tool_calls": [{"id": c.id, "name": c.function.name, "arguments": json.loads(c.function.arguments)}
                                   for c in (m.tool_calls or [])], "reasoning": []})
    return {"candidates": out, "tokens": r.usage.completion_tokens if len(out) == 1 else None, "model": r.model}


def run_mistral(server, conv, model, kind):
    client = Mistral(api_key=KEY, server_url=server.base)
    kw = mistral_kwargs(conv, model)
    if kind.startswith("stream"):
        text, last = "", None
        for event in client.chat.stream(**kw):
            ch = event.data.choices[0]
            text += mistral_text(ch.delta.content)
            last = event.data
        return {"candidates": [{"text": text, "refusal": None, "finish_reason": last.choices[0].finish_reason,
                                "tool_calls": [], "reasoning": []}],
                "tokens": last.usage.completion_tokens, "model": last.model}
    return mistral_read(client.chat.complete(**kw))


# ---------------------------------------------------------------- cases

RUN = {
    "openai": (run_openai, openai_reply),
    "openai_responses": (run_responses, responses_reply),
    "anthropic": (run_anthropic, anthropic_reply),
    "gemini": (run_gemini, gemini_reply),
    "ollama": (run_ollama, ollama_reply),
    "mistral": (run_mistral, mistral_reply),
}

FOLLOW = {"openai_responses", "anthropic", "gemini"}

# (provider, reply kind, conversation): every conversation is sent by every provider it names
# with a plain reply; these are the other replies.
REPLIES = [
    ("openai", "tool_call", "tools"), ("openai", "refusal", "text"), ("openai", "candidates", "candidates"),
    ("openai", "length_empty", "text"), ("openai", "stream", "text"), ("openai", "stream_refusal", "text"),
    ("openai", "stream_tool_call", "tools"),
    ("openai_responses", "part_list", "text"), ("openai_responses", "refusal", "text"),
    ("openai_responses", "reasoning", "reasoning"), ("openai_responses", "stream_reasoning", "reasoning"),
    ("anthropic", "part_list", "hello"), ("anthropic", "refusal", "hello"), ("anthropic", "reasoning", "reasoning"),
    ("anthropic", "stream_reasoning", "reasoning"),
    ("gemini", "part_list", "text"), ("gemini", "candidates", "candidates"), ("gemini", "safety_empty", "text"),
    ("gemini", "reasoning", "reasoning"), ("gemini", "stream_reasoning", "reasoning"),
    ("ollama", "tool_call", "tools"), ("ollama", "stream", "text"),
    ("mistral", "part_list", "text"), ("mistral", "candidates", "candidates"), ("mistral", "tool_call", "tools"),
    ("mistral", "stream", "text"),
]

FOLLOWUP = {"call_id_of_reply": True, "name": "get_weather", "content": "{\"temp_c\":21}"}


def main():
    fixture = json.load(open(sys.argv[1], encoding="utf-8"))
    convs = {c["name"]: c for c in fixture["conversations"]}
    cases = []
    for c in fixture["conversations"]:
        for p in c.get("providers", list(RUN)):
            cases.append((p, "candidates" if c["name"] == "candidates" else "plain", c["name"]))
    cases += [r for r in REPLIES if r not in cases]
    out = []
    for provider, kind, name in cases:
        conv, model = convs[name], fixture["models"][provider]
        run, reply = RUN[provider]
        server = Server()
        server.replies.append(reply(kind))
        body = server.replies[0][1].decode()
        case = {"provider": provider, "conversation": name, "reply": kind, "stream": kind.startswith("stream"),
                "content_type": server.replies[0][0], "body": body}
        followup = None
        if provider in FOLLOW and kind in ("reasoning", "stream_reasoning"):
            call_id = {"openai_responses": "call_R1", "anthropic": "toolu_01", "gemini": "get_weather_0"}[provider]
            followup = {"call_id": call_id, "name": "get_weather", "content": FOLLOWUP["content"]}
            case["followup"] = followup
        try:
            if provider in FOLLOW:
                case["sdk_read"] = run(server, conv, model, kind, followup)
            else:
                case["sdk_read"] = run(server, conv, model, kind)
        except Exception as e:  # an SDK that refuses the reply: memor must refuse it too
            case["sdk_error"] = f"{type(e).__name__}: {e}"
        case["requests"] = server.recorded
        server.httpd.shutdown()
        out.append(case)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
