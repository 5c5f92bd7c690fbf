#!/usr/bin/env python3
"""Deterministic generator of synthetic archives in the seed's format.

Builds N presidential statements from the seed's own segmented words: a preamble with date,
meeting and agenda title, quoted paragraphs, enumerated sub-items (㈠ ...) glued to words as in
the seed, and citations in the seed's forms (第1327 ( 2000 ) 号 决议, PRST/1994/22 without S/,
PRST/200 4/16 broken by segmentation, ( S/2002/56 )). The same arguments always give the same
bytes.

    scripts/gen_corpus.py --docs 20000 --per-file 50 --out /tmp/corpus [--csv /tmp/corpus.csv]

--csv also writes the documents as CSV (tags, body) for the sqlite3 baseline of bench.sh.
"""

import argparse
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "seeds", "000_71ee3118c768fd91.txt")

TAGS = [
    "PEACEKEEPING OPERATIONS", "PEACEBUILDING", "CONSULTATIONS", "TROOP-CONTRIBUTING STATES",
    "PARTNERSHIP", "INTERNATIONAL COOPERATION", "COORDINATION WITHIN UN SYSTEM",
    "REGIONAL ORGANIZATIONS", "AFRICA", "MIDDLE EAST SITUATION", "WOMEN IN ARMED CONFLICTS",
    "CHILDREN IN ARMED CONFLICTS", "TERRORISM", "SANCTIONS", "HUMANITARIAN ASSISTANCE",
    "PROTECTION OF CIVILIANS", "DISARMAMENT", "ELECTIONS", "RULE OF LAW", "HUMAN RIGHTS",
    "REFUGEES", "SMALL ARMS", "MARITIME SECURITY", "PIRACY", "POST-CONFLICT RECONSTRUCTION",
]
SUB_ITEMS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"


def seed_words():
    with open(SEED, encoding="utf-8") as f:
        body = f.read().split("\n", 2)[2]
    words = [w for w in body.split() if not re.search(r"[\d\"()/㈠-㈩：；]", w)]
    sentence_ends = {"。", "，", "、"}
    return [w for w in words if w not in sentence_ends]


def citation(rng):
    kind = rng.random()
    year = rng.randint(1994, 2012)
    if kind < 0.35:
        number = rng.randint(1000, 2000)
        return f"第{number} ( {year} ) 号 决议"
    if kind < 0.45:
        a, b = rng.randint(1000, 1500), rng.randint(1501, 2000)
        return f"第{a} ( {year} ) 号 和 第{b} ( {year} ) 号 决议"
    if kind < 0.75:
        y = str(year)
        if rng.random() < 0.1:
            y = y[:3] + " " + y[3:]
        return f"( PRST/{y}/{rng.randint(1, 60)} )"
    return f"( S/{year}/{rng.randint(1, 900)} )"


def words(rng, vocab, n):
    return " ".join(rng.choice(vocab) for _ in range(n))


def paragraph(rng, vocab):
    parts = [words(rng, vocab, rng.randint(20, 52))]
    for _ in range(rng.randint(0, 3)):
        parts.append(citation(rng))
        parts.append(words(rng, vocab, rng.randint(5, 20)))
    text = "安全 理事会 " + " ".join(parts) + " 。"
    if rng.random() < 0.25:
        items = []
        for k in range(rng.randint(2, 6)):
            glue = "：" if k == 0 else "；"
            items.append(f"{glue}{SUB_ITEMS[k]}{words(rng, vocab, rng.randint(15, 40))}")
        text = text[:-2] + " " + " ".join(items) + " 。"
    return text


def document(rng, vocab, i):
    tags = rng.sample(TAGS, rng.randint(3, 9))
    year = rng.randint(1994, 2012)
    date = f"{year}年 {rng.randint(1, 12)}月 {rng.randint(1, 28)}日"
    meeting = 3000 + i
    title = words(rng, vocab, rng.randint(2, 5))
    preamble = (
        f"安全 理事会 主席 的 声明 安全 理事会 主席 在 {date} 安全 理事会 第{meeting} 次 会议 上 ， "
        f"就 安理会 审议 的 题 为 \" {title} \" 的 项目 ， 代表 安理会 发表 声明 如下 ："
    )
    paragraphs = [paragraph(rng, vocab) for _ in range(rng.randint(6, 12))]
    body = " " + preamble + " " + " ".join('" ' + p for p in paragraphs) + ' "'
    header = "%%%" + "|".join(tags) + "|"
    return header, body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--per-file", type=int, default=1, help="documents per file")
    ap.add_argument("--out", required=True, help="folder to write the files into")
    ap.add_argument("--csv", help="also write tags,body as CSV here")
    ap.add_argument("--seed", type=int, default=6178)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    vocab = seed_words()
    os.makedirs(args.out, exist_ok=True)
    csv_file = open(args.csv, "w", encoding="utf-8", newline="") if args.csv else None
    writer = csv.writer(csv_file) if csv_file else None
    total = 0
    handle = None
    for i in range(args.docs):
        if i % args.per_file == 0:
            if handle:
                handle.close()
            name = os.path.join(args.out, f"{i // args.per_file:06d}.txt")
            handle = open(name, "w", encoding="utf-8", newline="\n")
        header, body = document(rng, vocab, i)
        text = f"{header}\n\n{body}\n\n"
        handle.write(text)
        total += len(text.encode("utf-8"))
        if writer:
            writer.writerow([header[3:], body])
    if handle:
        handle.close()
    if csv_file:
        csv_file.close()
    print(f"{args.docs} documents, {total / 1e6:.1f} MB in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
