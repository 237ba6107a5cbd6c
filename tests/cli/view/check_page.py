"""Checks a page of `newsgraph view` with Python's HTML parser: one data element holding the
graph as JSON, the scripts and style inlined, and nothing that could make a request.

    python3 check_page.py graph.html   ->   "page ok: 39 nodes, 120 edges"
"""
import json
import re
import sys
from html.parser import HTMLParser

# Attributes that load something; only fragments and data: URLs may appear in them.
LOADING = {"src", "href", "action", "formaction", "poster", "data", "srcset", "background"}
# d3 version 3 names the XML namespaces, which are identifiers, never fetched.
NAMESPACES = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink",
              "http://www.w3.org/2000/svg", "http://www.w3.org/2000/xmlns/",
              "http://www.w3.org/XML/1998/namespace"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.scripts, self.styles, self.problems = [], [], [], []
        self.csp = ""

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs)))
        if tag in ("link", "iframe", "img", "object", "embed", "base", "frame"):
            self.problems.append("element <%s>" % tag)
        for name, value in attrs:
            if name in LOADING and value and not value.startswith(("#", "data:")):
                self.problems.append("<%s %s=%r>" % (tag, name, value))
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "content-security-policy":
            self.csp = dict(attrs).get("content", "")

    def handle_endtag(self, tag):
        while self.stack and self.stack[-1][0] != tag:
            self.stack.pop()
        if self.stack:
            self.stack.pop()

    def handle_data(self, text):
        if not self.stack:
            return
        tag, attrs = self.stack[-1]
        if tag == "script":
            self.scripts.append((attrs.get("type", ""), attrs.get("id", ""), text))
        elif tag == "style":
            self.styles.append(text)


def main(path):
    text = open(path, encoding="utf-8").read()
    page = Page()
    page.feed(text)
    page.close()
    problems = page.problems
    if page.stack:
        problems.append("unclosed elements: %s" % [t for t, _ in page.stack])
    data = [s for s in page.scripts if s[1] == "newsgraph-data"]
    code = [s for s in page.scripts if s[0] == ""]
    if len(data) != 1 or data[0][0] != "application/json":
        problems.append("not one <script type=application/json id=newsgraph-data>")
    if len(code) != 2:
        problems.append("%d inline scripts, not 2 (d3 and the viewer)" % len(code))
    if len(page.styles) != 1:
        problems.append("%d style elements, not 1" % len(page.styles))
    if "default-src 'none'" not in page.csp:
        problems.append("no Content-Security-Policy forbidding requests")
    for style in page.styles:
        if re.search(r"url\(|@import", style):
            problems.append("the style loads something")
    for url in set(re.findall(r"(?:https?|ftp|wss?)://[^\s\"'<>)]*", text)) - NAMESPACES:
        problems.append("external URL %s" % url)
    graph = json.loads(data[0][2]) if data else {"nodes": [], "edges": []}
    if problems:
        print("\n".join("%s: %s" % (path, p) for p in problems))
        return 1
    print("page ok: %d nodes, %d edges" % (len(graph["nodes"]), len(graph["edges"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
