//! memor 1.1's estimator word lists: `COMMON_PREFIXES`, `COMMON_SUFFIXES` and
//! `PROGRAMMING_LANGUAGES_KEYWORDS` (the union of its 33 per-language sets), sorted.
//!
//! Generated; do not edit. Regenerate from the conformance data, in the workspace root:
//!
//! ```text
//! python3 - <<'EOF'
//! import json
//! d = json.load(open("testdata/conformance/estimator_lists.json"))
//! for name, key in (("PREFIXES", "prefixes"), ("SUFFIXES", "suffixes"), ("KEYWORDS", "keywords")):
//!     words = sorted(d[key])
//!     print(f"pub(crate) const {name}: [&str; {len(words)}] = [")
//!     line = "   "
//!     for w in words:
//!         item = " " + json.dumps(w) + ","
//!         if len(line) + len(item) > 100:
//!             print(line)
//!             line = "   "
//!         line += item
//!     print(line)
//!     print("];")
//! EOF
//! ```
//!
//! Membership is exact and case-sensitive (`GROUP BY`, `END-IF` and `font-size` are entries).

/// Whether `token` is one of memor's 447 keywords.
pub(crate) fn is_keyword(token: &str) -> bool {
    KEYWORDS.binary_search(&token).is_ok()
}

#[rustfmt::skip]
pub(crate) const PREFIXES: [&str; 11] = [
    "dis", "in", "mis", "non", "over", "pre", "re", "sub", "trans", "un", "under",
];
#[rustfmt::skip]
pub(crate) const SUFFIXES: [&str; 11] = [
    "able", "ed", "es", "ing", "ive", "ly", "ment", "ness", "ous", "s", "tion",
];
#[rustfmt::skip]
pub(crate) const KEYWORDS: [&str; 447] = [
    "ACCEPT", "ADD", "AND", "AS", "And", "BEGIN", "CALL", "CANCEL", "CLOSE", "COMPUTE", "CONTINUE",
    "Case", "Catch", "Class", "Const", "DELETE", "DISPLAY", "DIVIDE", "Dim", "Do", "END", "END-IF",
    "END-PERFORM", "EVALUATE", "EXIT", "Each", "Else", "ElseIf", "End", "FALSE", "FROM", "FULL",
    "False", "Finally", "For", "Friend", "Function", "GO", "GOBACK", "GROUP BY", "HAVING", "IF",
    "INITIALIZE", "INNER", "INSERT", "INSPECT", "If", "Implements", "Imports", "Inf", "Inherits",
    "JOIN", "LEFT", "LIMIT", "Loop", "MERGE", "MOVE", "MULTIPLY", "Me", "Module", "MyBase",
    "MyClass", "NA", "NOT", "NULL", "NaN", "Namespace", "New", "None", "Not", "Nothing", "OFFSET",
    "ON", "OPEN", "OR", "ORDER BY", "Or", "PERFORM", "Private", "Protected", "Public", "READ",
    "RETURN", "REWRITE", "RIGHT", "Return", "SEARCH", "SELECT", "SET", "SORT", "START", "STOP",
    "STRING", "SUBTRACT", "Select", "Shared", "Static", "String", "Sub", "TRUE", "Then", "Throw",
    "True", "Try", "UNSTRING", "UPDATE", "WHERE", "WRITE", "While", "a", "abstract", "alias",
    "align-items", "and", "animation", "apply", "article", "as", "aside", "assert", "assign",
    "async", "atom", "atomic", "auto", "await", "b", "background", "bagof", "base", "begin",
    "blockquote", "body", "bool", "boolean", "border", "bottom", "box-shadow", "br", "break",
    "button", "by", "byte", "call", "car", "case", "catch", "cdr", "chan", "char", "char_code",
    "cite", "class", "clip-path", "code", "color", "companion", "compound", "cond", "cons", "const",
    "constant", "constructor", "content", "continue", "copy", "crate", "cursor", "data", "declare",
    "def", "default", "defer", "defmacro", "defun", "delete", "deriving", "display", "div", "do",
    "dolist", "done", "dotimes", "double", "dyn", "dynamic", "echo", "elif", "else", "elseif",
    "elsif", "em", "end", "ensure", "enum", "esac", "eval", "except", "exception", "exec", "exit",
    "explicit", "export", "extends", "extern", "fail", "fallthrough", "false", "fi", "fieldset",
    "filter", "final", "finally", "findall", "flex", "float", "fn", "font-family", "font-size",
    "footer", "for", "foreach", "foreign", "form", "format", "friend", "from", "fun", "func",
    "function", "get", "global", "go", "goto", "grid", "guard", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "height", "hr", "html", "i", "if", "iframe", "img", "impl", "implementation",
    "implements", "implicit", "import", "in", "inherit", "inherited", "init", "inline", "inout",
    "input", "instance", "instanceof", "int", "integer", "interface", "internal", "is",
    "justify-content", "label", "lambda", "last", "lazy", "left", "legend", "let", "letter-spacing",
    "li", "library", "line-height", "link", "list", "load", "local", "long", "loop", "macro",
    "main", "map", "mapcar", "margin", "match", "max-height", "max-width", "meta", "min-height",
    "min-width", "mixin", "mod", "module", "move", "mutable", "my", "namespace", "native", "nav",
    "new", "newtype", "next", "nil", "nonatomic", "nonlocal", "not", "nothing", "null", "nullptr",
    "number", "object", "of", "ol", "opacity", "open", "operator", "option", "or", "otherwise",
    "our", "outline", "overflow", "override", "p", "package", "padding", "part", "pass",
    "persistent", "position", "pre", "print", "private", "procedure", "progn", "protected",
    "protocol", "pub", "public", "published", "qualified", "quote", "raise", "range", "read",
    "readonly", "rec", "record", "redo", "register", "repeat", "require", "rescue", "retain",
    "retract", "return", "right", "safe", "script", "sealed", "section", "select", "self", "set",
    "setof", "setq", "short", "signed", "sizeof", "small", "span", "state", "static", "strictfp",
    "strong", "struct", "style", "sub", "super", "suspend", "switch", "synchronized", "t", "table",
    "tbody", "td", "template", "text-align", "text-shadow", "textarea", "tfoot", "th", "thead",
    "then", "this", "throw", "throws", "title", "top", "tr", "trait", "transform", "transient",
    "transition", "trap", "true", "try", "type", "typedef", "typeof", "u", "ul", "undefined",
    "union", "unit", "unless", "unsafe", "unsigned", "until", "use", "uses", "using", "val", "var",
    "virtual", "visibility", "void", "volatile", "weak", "when", "where", "while", "white-space",
    "width", "with", "word-break", "yield", "z-index",
];
