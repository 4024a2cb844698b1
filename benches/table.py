"""Turns benches/run.sh's results (name, median seconds, records/s) into a Markdown table with
the ratios the issue asks for."""

import sys

rows = {}
order = []
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 3:
        rows[parts[0]] = (float(parts[1]), parts[2])
        order.append(parts[0])

print("| benchmark | median | records/s |")
print("|---|---:|---:|")
for name in order:
    s, rps = rows[name]
    shown = f"{s:.1f} MB" if "RSS" in name else (f"{s * 1000:.1f} ms" if s < 10 else f"{s:.2f} s")
    print(f"| {name} | {shown} | {rps} |")


def t(prefix):
    for name in order:
        if name.startswith(prefix):
            return rows[name][0]
    return None


def ratio(label, num, den, goal):
    a, b = t(num), t(den)
    if a and b:
        print(f"| {label} | {a / b:.2f}× | {goal} |")


print()
print("| ratio | value | goal |")
print("|---|---:|---|")
ratio("(c) parse+validate+score / (a) serde parse", "rust c_", "rust a_", "≤ 2×")
ratio("(b) parse+validate / (a) serde parse", "rust b_", "rust a_", "—")
ratio("CLI speed-up, 2 threads vs 1", "cli score --threads 1", "cli score --threads 2", "≥ 1.8×")
ratio("pydantic validation / sifasuo score_many (dicts)", "pydantic v2 model_validate(dict)", "sifasuo score_many(list", "≥ 1×")
ratio("pydantic validate_json / sifasuo score_many (file)", "pydantic v2 model_validate_json", "sifasuo score_many(JSON", "≥ 1×")
ratio("plain Python 10 rules / sifasuo score_many (dicts)", "plain Python", "sifasuo score_many(list", "≥ 20×")
ratio("ajv validation / wasm scoreMany", "ajv", "wasm scoreMany", "≥ 0.5×")
