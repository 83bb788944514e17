"""Makes the "previous review" fixtures of tests/cli_review.rs, once: a gap report written
by ismap-gap, then edited by another program (openpyxl, as a reviewer's tool would), the
way a reviewer types decisions and comments into it.

    cargo build && pip install openpyxl && python3 tests/data/review/make_previous.py

Run from the repository's top. The fixtures are kept in git; run this again only when the
gap sheet's layout changes on purpose.
"""
import csv
import subprocess

import openpyxl

HERE = "tests/data/review"
BIN = "target/debug/ismap-gap"


def report(out, fmt):
    subprocess.run(
        [BIN, "--lang", "ja", "report", "--as-of", "2026-04-01",
         "--checks", f"{HERE}/checks.csv", "--csp", f"{HERE}/csp-v1.txt",
         "--format", fmt, "-o", out],
        check=True, stderr=subprocess.DEVNULL)


# what the reviewer decided on the first report, by item id
DECISIONS = {
    "R-01": ("不要", "ISMAPの結果で代替する"),
    "R-02": (None, "登録手順書の版数を次回確認"),
    "R-03": ("不要", "ISMAPで暗号化を確認済み"),
    "R-05": ("要", "バックアップの取得方針を質問票で確認"),
    "R-06": ("要", "契約書で国内リージョンを指定"),
    "R-08": ("検討中", "9.4.2 の扱いをCSPに照会中"),
}

# the workbook, edited with openpyxl: decisions and comments typed in by header name
report(f"{HERE}/previous-tool.xlsx", "xlsx")
wb = openpyxl.load_workbook(f"{HERE}/previous-tool.xlsx")
ws = wb["ギャップ"]
header = [c.value for c in ws[1]]
id_col = header.index("項番") + 1
decision_col = header.index("追加手続の要否") + 1
comment_col = header.index("レビューコメント") + 1
for row in range(2, ws.max_row + 1):
    item = ws.cell(row, id_col).value
    if item in DECISIONS:
        decision, comment = DECISIONS[item]
        if decision:
            ws.cell(row, decision_col).value = decision
        ws.cell(row, comment_col).value = comment
wb.save(f"{HERE}/previous.xlsx")

# the same with a row copied: two rows with one id
ws.insert_rows(3)
for col in range(1, ws.max_column + 1):
    ws.cell(3, col).value = ws.cell(2, col).value
wb.save(f"{HERE}/previous-duplicate.xlsx")

# the CSV, edited and saved by a spreadsheet as CP932 (Excel's "CSV (コンマ区切り)")
report(f"{HERE}/previous-tool.csv", "csv")
with open(f"{HERE}/previous-tool.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header = rows[0]
id_col = header.index("項番")
decision_col = header.index("追加手続の要否")
comment_col = header.index("レビューコメント")
for row in rows[1:]:
    if row[id_col] in DECISIONS:
        decision, comment = DECISIONS[row[id_col]]
        row[decision_col] = decision or ""
        row[comment_col] = comment
with open(f"{HERE}/previous.csv", "w", encoding="cp932", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)

for tmp in ("previous-tool.xlsx", "previous-tool.csv"):
    import os
    os.remove(f"{HERE}/{tmp}")

# --- the shapes of a reviewed workbook the reviewer's own edits make (derived from
# previous.xlsx, with openpyxl as the reviewer's tool):

def edited():
    wb = openpyxl.load_workbook(f"{HERE}/previous.xlsx")
    return wb, wb["ギャップ"]


def column(ws, name):
    return [c.value for c in ws[1]].index(name) + 1


# a copy of the gap sheet holding the final decisions, placed first ("ギャップ 確定"), beside
# the original whose decisions were then cleared
wb, ws = edited()
final = wb.copy_worksheet(ws)
final.title = "ギャップ 確定"
wb.move_sheet(final, offset=-(len(wb.sheetnames) - 1))
for row in range(2, ws.max_row + 1):
    ws.cell(row, column(ws, "追加手続の要否")).value = None
    ws.cell(row, column(ws, "レビューコメント")).value = None
final.cell(2, column(final, "レビューコメント")).value = "確定版のコメント"
wb.save(f"{HERE}/previous-two-sheets.xlsx")

# the hidden code columns (判定コード, 理由コード, 行) deleted
wb, ws = edited()
ws.delete_cols(column(ws, "判定コード"), 3)
wb.save(f"{HERE}/previous-no-codes.xlsx")

# a total row and a footnote typed below the items
wb, ws = edited()
last = ws.max_row
ws.cell(last + 1, 1).value = "合計"
ws.cell(last + 1, 2).value = "8件"
ws.cell(last + 3, 2).value = "全体コメント: 2026年5月に再確認"
wb.save(f"{HERE}/previous-total.xlsx")
