"""Loads each file named on stdin with Python memor 1.1 and prints, one JSON line per file,
what memor makes of it: {"size": get_size(), "text": json.dumps(to_json())} or {"error": ...}.

memor 1.1 resets a loaded prompt's date_modified to "now" (spec Q4); as the conformance
fixtures do, the file's value is put back so that the rest can be compared byte for byte.
"""
import datetime, json, sys, warnings

warnings.simplefilter("ignore")
from memor import Prompt, PromptTemplate, Response, Session

FORMAT = "%Y-%m-%d %H:%M:%S %z"


def restore_prompt_date(prompt, data):
    prompt._date_modified = datetime.datetime.strptime(data["date_modified"], FORMAT)


for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    try:
        with open(path) as f:
            data = json.load(f)
        kind = data.get("type")
        if kind == "Session":
            obj = Session(file_path=path, init_check=False)
            for message, raw in zip(obj.messages, data["messages"]):
                if isinstance(message, Prompt):
                    restore_prompt_date(message, raw)
        elif kind == "Prompt":
            obj = Prompt(file_path=path, init_check=False)
            restore_prompt_date(obj, data)
        elif kind == "Response":
            obj = Response(file_path=path)
        else:
            obj = PromptTemplate(file_path=path)
        print(json.dumps({"size": obj.get_size(), "text": json.dumps(obj.to_json())}))
    except Exception as e:  # reported, compared on the Rust side
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
