#!/usr/bin/env python3
"""The gap report as a plain pandas (+ openpyxl) script: the baseline of issue 7.

    python3 benches/pandas_report.py CHECKS.csv CSP_LIST.txt OUT.csv|OUT.xlsx

Kept minimal and honest: what a user would write in an afternoon, using pandas the
usual vectorised way (explode, isin, groupby). What it does NOT do, compared with
`ismap-gap report` (so it does less work than the tool):

- no catalog: a reference "resolves" when it is ISMAP-id-shaped (after NFKC width folding
  and suffix normalising: 8.1.5P, 8.1.5-p -> 8.1.5.P), Annex A `A.9.2.1` is taken as
  9.2.1 and `CLD.8.1.5` as 8.1.5.P by string rules; NIST SP 800-53 ids (no mapping table),
  clause/category ids (no expansion to objectives) and detail ids (no parent lookup) are
  treated as unresolvable; unknown ids are not detected, no suggestions are made;
- the CSP list must be pasted text (every id-shaped token is taken, `8.1.5 P` joined);
  no YAML profiles, no not-applicable reasons, no annex-only or inheritance logic;
- status: outside-ismap (nothing resolves), covered / assurance-gap (all implemented;
  SOC2/audit required -> assurance-gap), partial, not-covered; no reason codes and no
  additional procedures; rows sorted by status severity, then risk;
- xlsx is a single plain sheet (no summary, formats, chart or objectives sheet).
"""
import re
import sys
import unicodedata

import pandas as pd

ID = r"\d{1,2}(?:\.\d{1,2}){2,3}"
ID_RE = re.compile(rf"^({ID})(?:[.\-]?([A-Z]))?$")
LIST_RE = re.compile(rf"(?<![\d.])({ID})(?:[ .\-]?([A-Za-z]))?(?![\w.])")
SPLIT = r"[,;、，；/\s]+"
SOC2 = {"SOC2", "SOC2TYPE2", "保証報告", "保証型監査", "IT7号", "個別監査", "実地監査", "AUDIT"}
SEVERITY = {"covered": 0, "assurance-gap": 1, "partial": 2, "not-covered": 3, "outside-ismap": 4}
RISK = {"高": 0, "中": 1, "低": 2}


def csp_ids(path):
    text = unicodedata.normalize("NFKC", open(path, encoding="utf-8-sig").read())
    ids = set()
    for base, suffix in LIST_RE.findall(text):
        ids.add(f"{base}.{suffix.upper()}" if suffix else base)
    return ids


def main(checks, csp, out):
    df = pd.read_csv(checks, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    implemented = csp_ids(csp)

    refs = df["ISMAP管理策"].str.normalize("NFKC").str.upper().str.split(SPLIT)
    refs = refs.explode().dropna()
    refs = refs[refs != ""]
    norm = refs.str.replace(r"^A\.(?=\d)", "", regex=True)
    cld = norm.str.startswith("CLD.")
    norm = norm.where(~cld, norm.str.slice(4) + ".P")
    parts = norm.str.extract(ID_RE)
    canon = parts[0].where(parts[1].isna(), parts[0] + "." + parts[1])
    # per row: counts and id lists (one plain loop: groupby(...).agg(", ".join) is ~10x slower)
    n = len(df)
    n_refs, n_resolved, n_impl = [0] * n, [0] * n, [0] * n
    impl_ids, missing_ids = [[] for _ in range(n)], [[] for _ in range(n)]
    for row, cid in zip(df.index.get_indexer(canon.index), canon.tolist()):
        n_refs[row] += 1
        if isinstance(cid, str):
            n_resolved[row] += 1
            if cid in implemented:
                n_impl[row] += 1
                impl_ids[row].append(cid)
            else:
                missing_ids[row].append(cid)
    n_refs, n_resolved, n_impl = (pd.Series(v, index=df.index) for v in (n_refs, n_resolved, n_impl))

    assurance = df["求める確認水準"].str.normalize("NFKC").str.upper().str.replace(" ", "")
    status = pd.Series("partial", index=df.index)
    status[n_impl == 0] = "not-covered"
    all_impl = (n_impl == n_refs) & (n_refs > 0)
    status[all_impl] = "covered"
    status[all_impl & assurance.isin(SOC2)] = "assurance-gap"
    status[n_resolved == 0] = "outside-ismap"

    report = pd.DataFrame({
        "項番": df["項番"],
        "確認項目": df["確認項目"],
        "判定": status,
        "リスク": df["重要度"],
        "求める確認水準": df["求める確認水準"],
        "参照": df["ISMAP管理策"],
        "実施": [", ".join(v) for v in impl_ids],
        "未実施": [", ".join(v) for v in missing_ids],
        "備考": df["備考"],
    })
    report["_s"] = -status.map(SEVERITY)
    report["_r"] = df["重要度"].map(RISK).fillna(3)
    report = report.sort_values(["_s", "_r"], kind="stable").drop(columns=["_s", "_r"])

    if out.endswith(".xlsx"):
        report.to_excel(out, index=False, engine="openpyxl", sheet_name="gap")
    else:
        report.to_csv(out, index=False, encoding="utf-8-sig")
    print(status.value_counts().to_dict(), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
