"""Builds the .ods fixtures of tests/fix37_r23.rs (python3 make.py; the .xls ones were
saved by LibreOffice from openpyxl workbooks: see the test file)."""
import zipfile

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet>')
TAIL = '</office:spreadsheet></office:body></office:document-content>'
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def cell(text, repeat=1):
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ''
    return f'<table:table-cell office:value-type="string"{rep}><text:p>{text}</text:p></table:table-cell>'


def empty(repeat):
    return f'<table:table-cell table:number-columns-repeated="{repeat}"/>'


def row(cells, repeat=1):
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ''
    return f'<table:table-row{rep}>{"".join(cells)}</table:table-row>'


def table(name, rows):
    return f'<table:table table:name="{name}">{"".join(rows)}</table:table>'


def save(path, tables):
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet')
        z.writestr('META-INF/manifest.xml', MANIFEST)
        z.writestr('content.xml', HEAD + ''.join(tables) + TAIL, compress_type=zipfile.ZIP_DEFLATED)


CSP = [row([cell('管理策番号'), cell('実施状況'), empty(16382)])] + [
    row([cell(i), cell('実施'), empty(16382)]) for i in ['5.1.1', '9.2.1', '9.2.3']]
CHECKS = [row([cell('項番'), cell('確認項目'), cell('ISMAP管理策'), cell('求める確認水準')])] + [
    row([cell(a), cell(b), cell(c), cell('ISMAP')]) for a, b, c in [
        ('C-01', '情報セキュリティ方針', '5.1.1'), ('C-03', '特権IDの管理', '9.2.3')]]

# an ordinary list, its rows padded with empty cells to the last column and the last row,
# as LibreOffice saves them: read
save('o0-csp.ods', [table('管理策一覧', CSP + [row([empty(16384)], 1048572)])])
# one value at XFD1048576 (over calamine's own 100,000,000-cell cap)
save('o1-csp-xfd.ods', [table('管理策一覧', CSP + [
    row([empty(16384)], 1048571), row([empty(16383), cell('x')])])])
# one value at XFD5000: 81,920,000 cells, under calamine's cap (built whole on main)
save('o2-csp-xfd5000.ods', [table('管理策一覧', CSP + [
    row([empty(16384)], 4995), row([empty(16383), cell('メモ')])])])
# a value repeated over a row and rows (a fill to the last column): 16,384 x 1,000
save('o3-checks-repeated.ods', [table('チェックリスト', CHECKS + [
    row([cell('-', 16384)], 1000)])])
# the far value on a second sheet: calamine reads every sheet of an .ods when it opens one
save('o4-far-second-sheet.ods', [
    table('管理策一覧', CSP),
    table('メモ', [row([cell('メモ')]), row([empty(16384)], 9999), row([empty(16383), cell('x')])])])
