#!/usr/bin/env python3
"""Independent check of councildb's import of AKN4UN XML files.

The XML checked here is the United Nations': the Security Council documents in Akoma Ntoso
(AKN4UN) published by the UN (DGACM) in the GitHub repository UNxml/SCresolutions, unofficial
copies made available without warranty. Source: United Nations. Keep this acknowledgement with
any figure or excerpt derived from them.

Usage: python3 scripts/akn_check.py DB XML_FOLDER

For every *.xml under XML_FOLDER, this script reads the markup itself with ElementTree (its
own code, not councildb's) and compares it with what DB holds for the statement whose
sources.path is the file's path relative to XML_FOLDER:

  language    FRBRExpression/FRBRlanguage@language (ara->ar, ...)  vs statements.language
  votes       names under count[@refersTo=inFavour|against|abstaining], in order,
              vs decision_votes of the statement's akn decision record
  links       <a href> to S/RES, S/PRST, S/YYYY/N or A/RES documents (adjacent same-href <a>
              merged) vs count of citations with origin='link'; councildb may drop links to
              the document's own symbol
  draft       step[@outcome=draftResolution]@as  vs decision_records.draft_symbol
  record      step[@outcome=adopted]@as          vs decision_records.record_symbol
              (a not-adopted draft has no adopted step: its veto/notAdopted step is used;
              a presidential statement's step usually has no outcome: the step without one is used)
  paragraphs  mainBody/paragraph with <num> "N." or "N -" vs clauses with parent_id NULL
              minus the preamble (resolutions and drafts only; informational, never fails)
  date        FRBRWork/FRBRdate[@name=adoption] unless 0001-01-01 vs statements.issued_on
              (resolutions only)

Files that are not well-formed are repaired with a stack rule (a mismatched end tag closes
the current element; further unmatched end tags right after it are dropped; a repeated
attribute is dropped); files that still do not parse are counted as 'not checked'.

Exit status 1 if language, votes, draft, record or date agrees on less than 99.5% of the
checked files, else 0. Standard library only.
"""

import argparse
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

LANG = {"ara": "ar", "zho": "zh", "eng": "en", "fra": "fr", "rus": "ru", "spa": "es", "deu": "de"}
VOTE_KINDS = (("inFavour", "in_favour"), ("against", "against"), ("abstaining", "abstaining"))
GATED = ("language", "votes", "draft", "record", "date")
FIELDS = ("language", "votes", "links", "draft", "record", "paragraphs", "date")
SETS = ("2020-2024", "Pre-2020", "PRST", "Not adopted")
THRESHOLD = 99.5
MAX_LISTED = 10

# ---------------------------------------------------------------- parsing and repair

TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE[^>]*>"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[A-Za-z_][\w.:-]*)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.S,
)
ATTR = re.compile(r"\s+([^\s=/>]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


def repair(text):
    """Rebuild the text with the stack rule; return (text, number of repairs)."""
    out, stack, pos, repairs = [], [], 0, 0
    just_repaired = False
    for m in TOKEN.finditer(text):
        out.append(text[pos:m.start()])
        if text[pos:m.start()].strip():
            just_repaired = False
        pos = m.end()
        if m.group("start"):
            name, attrs = m.group("start"), m.group("attrs") or ""
            seen, kept = set(), []
            for a in ATTR.finditer(attrs):
                if a.group(1) in seen:
                    repairs += 1
                    continue
                seen.add(a.group(1))
                kept.append(a.group(0))
            out.append("<" + name + "".join(kept) + (" />" if m.group("empty") else ">"))
            if not m.group("empty"):
                stack.append(name)
            just_repaired = False
        elif m.group("end"):
            name = m.group("end")
            if stack and stack[-1] == name:
                stack.pop()
                out.append(m.group(0))
                just_repaired = False
            elif stack and not just_repaired:
                out.append("</" + stack.pop() + ">")
                repairs += 1
                just_repaired = True
            else:
                repairs += 1  # dropped
        else:
            out.append(m.group(0))
    out.append(text[pos:])
    return "".join(out), repairs


def strip_ns(root):
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
        if el.attrib:
            for k in list(el.attrib):
                if "}" in k:
                    el.attrib[k.split("}", 1)[1]] = el.attrib.pop(k)
    return root


def parse(path):
    """Return (root, repaired?) or (None, reason)."""
    data = path.read_bytes()
    try:
        return strip_ns(ET.fromstring(data)), False
    except ET.ParseError:
        pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    fixed, _ = repair(text)
    try:
        return strip_ns(ET.fromstring(fixed.encode("utf-8"))), True
    except ET.ParseError as e:
        return None, f"not well-formed after repair: {e}"


# ---------------------------------------------------------------- what the XML says

def norm(s):
    return re.sub(r"\s+", " ", s or "").strip() or None


def text_of(el):
    return "".join(el.itertext())


def link_symbol(href):
    """The cited symbol of an href, or None when it points to none of the counted kinds."""
    h = unquote(href or "").replace("\u00a0", " ")
    m = re.search(r"S/RES/(\d+)(?:\s*\(\s*(\d{4}))?", h, re.I)
    if m:
        return ("S/RES", m.group(1))
    m = re.search(r"S/PRST/(\d{4})/(\d+)", h, re.I)
    if m:
        return ("S/PRST", m.group(1) + "/" + str(int(m.group(2))))
    m = re.search(r"A/RES/([\w-]+/\d+)", h, re.I)
    if m:
        return ("A/RES", m.group(1).upper())
    m = re.search(r"(?<![A-Za-z.])S/(\d{4})/(\d+)", h, re.I)
    if m:
        return ("S", m.group(1) + "/" + str(int(m.group(2))))
    return None


def merged_links(body_elements):
    """Links in document order, adjacent <a> with the same href merged into one.

    Two <a> are adjacent when only whitespace (of any element) lies between them."""
    links = []  # [href]
    state = {"last": None}  # href of the link that the next one may merge with

    def visit(el):
        if el.tag == "a" and el.get("href") is not None:
            href = el.get("href").strip()
            if state["last"] != href:
                links.append(href)
            state["last"] = href
            # text inside the link does not break adjacency
        else:
            if el.tag == "p" or (el.text and el.text.strip()):
                state["last"] = None
            for child in el:
                visit(child)
                if child.tail and child.tail.strip():
                    state["last"] = None
            return
        # children of an <a> (rare) are part of it
    for el in body_elements:
        visit(el)
    return links


def own_symbols(stmt, root_path):
    """What the file says its own symbol is (docNumber, URI segment, file name)."""
    own = set()
    for dn in stmt.iter("docNumber"):
        s = link_symbol(text_of(dn))
        if s:
            own.add(s)
    work = stmt.find("meta/identification/FRBRWork/FRBRuri")
    if work is not None:
        seg = [p for p in (work.get("value") or "").split("/") if p]
        if seg:
            m = re.fullmatch(r"(\d+)-(\d{4})", seg[-1])
            if m:
                own.add(("S/RES", m.group(1)))
                own.add(("S", m.group(1) + "/" + str(int(m.group(2)))))
                own.add(("S/PRST", m.group(1) + "/" + str(int(m.group(2)))))
    name = root_path.name
    m = re.search(r"S_RES_(\d+)|SC_(\d+)_", name)
    if m:
        own.add(("S/RES", m.group(1) or m.group(2)))
    m = re.search(r"S_PRST_(\d{4})_(\d+)", name)
    if m:
        own.add(("S/PRST", m.group(1) + "/" + str(int(m.group(2)))))
    m = re.match(r"S_(\d{4})_(\d+)", name)
    if m:
        own.add(("S", m.group(1) + "/" + str(int(m.group(2)))))
    return own


NUM_OPERATIVE = re.compile(r"^\d+(\.| -)$")


def from_xml(root, path):
    stmt = root.find("statement")
    if stmt is None:
        stmt = next((c for c in root if isinstance(c.tag, str)), root)
    kind = stmt.get("name")
    x = {"kind": kind}
    lang = stmt.find("meta/identification/FRBRExpression/FRBRlanguage")
    code = lang.get("language") if lang is not None else None
    x["language"] = LANG.get(code, code)

    votes = {}
    for c in stmt.iterfind("meta/analysis/parliamentary/voting/count"):
        ref = c.get("refersTo")
        if ref in dict(VOTE_KINDS):
            votes.setdefault(ref, []).extend(
                norm(text_of(o)) for o in c.iter("organization"))
    x["votes"] = {k: votes.get(k, []) for k, _ in VOTE_KINDS}

    body = [c for c in stmt if c.tag != "meta"]
    links = [h for h in merged_links(body) if link_symbol(h)]
    own = own_symbols(stmt, path)
    x["links"] = len(links)
    x["link_hrefs"] = links
    x["self_links"] = sum(1 for h in links if link_symbol(h) in own)

    steps = list(stmt.iterfind("meta/workflow/step"))
    def step_as(pred):
        for s in steps:
            if pred(s.get("outcome")):
                return norm(s.get("as"))
        return None
    x["draft"] = step_as(lambda o: o == "draftResolution")
    rec = step_as(lambda o: o == "adopted")
    if rec is None and kind == "draftResolution":
        rec = step_as(lambda o: o in ("veto", "notAdopted"))
    if rec is None and kind == "presidentialStatement":
        rec = step_as(lambda o: o is None)
    x["record"] = rec

    n = 0
    for mb in stmt.findall("mainBody"):
        for p in list(mb.findall("paragraph")) + list(mb.findall("section/paragraph")):
            num = p.find("num")
            if num is not None and NUM_OPERATIVE.match(text_of(num).strip()):
                n += 1
    x["paragraphs"] = n

    x["date"] = None
    for d in stmt.iterfind("meta/identification/FRBRWork/FRBRdate"):
        if d.get("name") == "adoption" and d.get("date") != "0001-01-01":
            x["date"] = d.get("date")
            break
    return x


# ---------------------------------------------------------------- what the database says

def from_db(db, rel):
    row = db.execute(
        "SELECT st.id, st.language, st.issued_on FROM sources so "
        "JOIN statements st ON st.id = so.statement_id WHERE so.path = ? ORDER BY so.doc_index LIMIT 1",
        (rel,)).fetchone()
    if row is None:
        return None
    sid, lang, issued = row
    d = {"id": sid, "language": lang, "date": issued}
    rec = db.execute(
        "SELECT id, draft_symbol, record_symbol FROM decision_records "
        "WHERE statement_id = ? AND origin = 'akn' ORDER BY id", (sid,)).fetchall()
    d["records"] = len(rec)
    votes = {k: [] for k, _ in VOTE_KINDS}
    if rec:
        rid, d["draft"], d["record"] = rec[0]
        back = {v: k for k, v in VOTE_KINDS}
        for name, vote in db.execute(
                "SELECT member_state, vote FROM decision_votes WHERE record_id = ? ORDER BY position",
                (rid,)):
            votes[back[vote]].append(norm(name))
    else:
        d["draft"] = d["record"] = None
    d["votes"] = votes
    d["links"] = db.execute(
        "SELECT count(*) FROM citations WHERE statement_id = ? AND origin = 'link'", (sid,)).fetchone()[0]
    # for the listing only: which cited symbols differ
    d["link_symbols"] = [r[0] for r in db.execute(
        "SELECT symbol FROM citations WHERE statement_id = ? AND origin = 'link'", (sid,))]
    top = db.execute(
        "SELECT count(*) FROM clauses WHERE statement_id = ? AND parent_id IS NULL", (sid,)).fetchone()[0]
    d["paragraphs"] = max(top - 1, 0)
    return d


# ---------------------------------------------------------------- comparison

def set_of(rel):
    first = rel.split("/", 1)[0]
    if re.fullmatch(r"20(2[0-4])", first):
        return "2020-2024"
    return first if first in SETS else first


def show_votes(v):
    return "; ".join(f"{k}={len(v[k])}" + (":" + ",".join(v[k]) if len(v[k]) < 4 else "")
                     for k, _ in VOTE_KINDS if v[k]) or "none"


def vote_diff(a, b):
    parts = []
    for k, _ in VOTE_KINDS:
        if a[k] != b[k]:
            only_x = [n for n in a[k] if n not in b[k]]
            only_d = [n for n in b[k] if n not in a[k]]
            if not only_x and not only_d:
                parts.append(f"{k}: same names, other order/repeats ({len(a[k])} vs {len(b[k])})")
            else:
                parts.append(f"{k}: xml {len(a[k])} db {len(b[k])}"
                             + (f" xml-only {only_x[:3]}" if only_x else "")
                             + (f" db-only {only_d[:3]}" if only_d else ""))
    return "; ".join(parts)


def link_diff(x, d):
    """The symbols that one side has more often than the other (for the listing)."""
    from collections import Counter
    xs = Counter()
    example = {}
    for h in x["link_hrefs"]:
        k = link_symbol(h)
        xs[k] += 1
        example.setdefault(k, h)
    ds = Counter()
    for s in d["link_symbols"]:
        k = link_symbol(s) or ("other", s)
        ds[k] += 1
    only_x = [f"{example[k]!r}x{n}" for k, n in (xs - ds).items()]
    only_d = [f"{k[1] if k[0] == 'other' else '/'.join(k)}x{n}" for k, n in (ds - xs).items()]
    return ("xml-only " + ", ".join(only_x[:3]) + ("; " if only_d else "") if only_x else "") + \
        ("db-only " + ", ".join(only_d[:3]) if only_d else "")


def compare(x, d):
    """{field: (agrees, xml value, db value)}; a field missing from the dict is not applicable."""
    r = {}
    r["language"] = (x["language"] == d["language"], x["language"], d["language"])
    r["votes"] = (x["votes"] == d["votes"], show_votes(x["votes"]), show_votes(d["votes"]))
    if r["votes"][0] is False:
        r["votes"] = (False, vote_diff(x["votes"], d["votes"]), "")
    lo, hi = x["links"] - x["self_links"], x["links"]
    r["links"] = (lo <= d["links"] <= hi,
                  f"{x['links']}" + (f" ({x['self_links']} to itself)" if x["self_links"] else ""),
                  d["links"])
    if not r["links"][0]:
        r["links"] = (False, f"xml {r['links'][1]} db {d['links']}; " + link_diff(x, d), "")
    r["draft"] = (x["draft"] == norm(d["draft"]), x["draft"], d["draft"])
    r["record"] = (x["record"] == norm(d["record"]), x["record"], d["record"])
    if x["kind"] != "presidentialStatement":
        r["paragraphs"] = (x["paragraphs"] == d["paragraphs"], x["paragraphs"], d["paragraphs"])
    if x["kind"] == "resolution" and x["date"] is not None:
        r["date"] = (x["date"] == d["date"], x["date"], d["date"])
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("xml_folder")
    args = ap.parse_args()
    folder = Path(args.xml_folder)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

    stats = {}      # (set, lang) -> {field: [agree, total]}
    totals = {f: [0, 0] for f in FIELDS}
    bad = {f: [] for f in FIELDS}
    not_checked, repaired, missing = [], 0, []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".xml")
    for p in files:
        rel = p.relative_to(folder).as_posix()
        root, info = parse(p)
        if root is None:
            not_checked.append((rel, info))
            continue
        repaired += bool(info)
        x = from_xml(root, p)
        d = from_db(db, rel)
        key = (set_of(rel), x["language"] or "?")
        st = stats.setdefault(key, {f: [0, 0] for f in FIELDS})
        st.setdefault("files", 0)
        st["files"] += 1
        if d is None:
            missing.append(rel)
            res = {f: (False, "file", "no statement") for f in FIELDS}
        else:
            res = compare(x, d)
        for f, (ok, xv, dv) in res.items():
            st[f][1] += 1
            totals[f][1] += 1
            if ok:
                st[f][0] += 1
                totals[f][0] += 1
            else:
                bad[f].append((rel, xv, dv))

    def pct(a):
        return f"{100.0 * a[0] / a[1]:6.2f}%" if a[1] else "     - "

    print(f"akn_check: {len(files)} XML files, {len(files) - len(not_checked)} checked "
          f"({repaired} repaired), {len(not_checked)} not checked, {len(missing)} without a statement")
    print("XML source: United Nations, UNxml/SCresolutions (unofficial copies).")
    print()
    head = f"{'set':<12}{'lang':<5}{'files':>6}" + "".join(f"{f:>11}" for f in FIELDS)
    print(head)
    order = {s: i for i, s in enumerate(SETS)}
    for (s, l) in sorted(stats, key=lambda k: (order.get(k[0], 99), k[0], k[1])):
        st = stats[(s, l)]
        print(f"{s:<12}{l:<5}{st['files']:>6}" + "".join(f"{pct(st[f]):>11}" for f in FIELDS))
    print(f"{'all':<17}{sum(v['files'] for v in stats.values()):>6}"
          + "".join(f"{pct(totals[f]):>11}" for f in FIELDS))
    print(f"{'':<23}" + "".join(f"{totals[f][1] - totals[f][0]:>10}x" for f in FIELDS)
          + "  (disagreeing files)")
    for f in FIELDS:
        if not bad[f]:
            continue
        print()
        print(f"{f}: {len(bad[f])} disagreeing file(s)" + (" (informational)" if f not in GATED and f != "links" else ""))
        for rel, xv, dv in bad[f][:MAX_LISTED]:
            print(f"  {rel}: xml={xv!r} db={dv!r}" if dv != "" else f"  {rel}: {xv}")
    for rel, why in not_checked:
        print(f"not checked: {rel}: {why}")

    failed = [f for f in GATED if totals[f][1] and 100.0 * totals[f][0] / totals[f][1] < THRESHOLD]
    print()
    if failed:
        print(f"FAIL: below {THRESHOLD}%: " + ", ".join(f"{f} {pct(totals[f]).strip()}" for f in failed))
        return 1
    print(f"OK: language, votes, draft, record and date agree on at least {THRESHOLD}% of checked files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
