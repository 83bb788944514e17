#!/usr/bin/env python3
"""Writes the .ods fixtures of tests/s17_sheets.rs (content.xml and styles.xml by hand, as
LibreOffice writes them), then converts each with LibreOffice headless to .xlsx and .xls:

    python3 make.py && soffice --headless --convert-to xlsx *.ods && soffice --headless --convert-to xls *.ods
"""
import zipfile

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"')

STYLES = ('<office:automatic-styles>'
          '<style:style style:name="ceS" style:family="table-cell" style:parent-style-name="Default">'
          '<style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style>'
          '<style:style style:name="T1" style:family="text">'
          '<style:text-properties style:text-line-through-style="solid"/></style:style>'
          '</office:automatic-styles>')


def cell(text, style=None, note=None, shape=None):
    st = f' table:style-name="{style}"' if style else ''
    inner = ''
    if shape:
        inner += ('<draw:frame draw:z-index="0" svg:width="6cm" svg:height="1cm" svg:x="0cm" svg:y="0cm">'
                  f'<draw:text-box><text:p>{shape}</text:p></draw:text-box></draw:frame>')
    if note:
        inner += f'<office:annotation><text:p>{note}</text:p></office:annotation>'
    if text is None:
        return f'<table:table-cell{st}>{inner}</table:table-cell>' if inner else '<table:table-cell/>'
    return f'<table:table-cell office:value-type="string"{st}>{inner}<text:p>{text}</text:p></table:table-cell>'


def row(cells, hidden=False):
    v = ' table:visibility="collapse"' if hidden else ''
    return f'<table:table-row{v}>' + ''.join(cells) + '</table:table-row>'


def ods(name, sheet, rows, columns=2, footer=None, more=()):
    cols = f'<table:table-column table:number-columns-repeated="{columns}"/>'
    tables = ''.join(f'<table:table table:name="{n}">{cols}' + ''.join(r) + '</table:table>' for n, r in [(sheet, rows), *more])
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>{STYLES}'
               f'<office:body><office:spreadsheet>{tables}'
               '</office:spreadsheet></office:body></office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}><office:styles/>'
              '<office:master-styles><style:master-page style:name="Default">'
              + (f'<style:footer><text:p>{footer}</text:p></style:footer>' if footer else '')
              + '</style:master-page></office:master-styles></office:document-styles>')
    with zipfile.ZipFile(name, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet')
        z.writestr('META-INF/manifest.xml',
                   '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                   '</manifest:manifest>')
        z.writestr('content.xml', content)
        z.writestr('styles.xml', styles)


H = row([cell('管理策番号'), cell('実施状況')])
OK = row([cell('5.1.1'), cell('実施')])
# CSP lists: 9.2.1's 実施 struck through (by the cell's style, by a run), 12.4.2's row hidden,
# a text box saying the list is a draft
ods('csp-struck.ods', '管理策一覧', [H, OK, row([cell('9.2.1'), cell('実施済', style='ceS')])])
ods('csp-span-struck.ods', '管理策一覧', [H, OK, row([cell('9.2.1'), '<table:table-cell office:value-type="string"><text:p><text:span text:style-name="T1">実施済</text:span></text:p></table:table-cell>'])])
ods('csp-hidden.ods', '管理策一覧', [H, OK, row([cell('12.4.2'), cell('実施')], hidden=True)])
ods('csp-textbox.ods', '管理策一覧', [row([cell('管理策番号', shape='この一覧は案です（未承認）'), cell('実施状況')]), OK, row([cell('9.2.1'), cell('実施')])])
# check lists: a comment stating how an item is assured, a struck item, a hidden item
CH = row([cell('項番'), cell('確認項目'), cell('ISMAP管理策'), cell('求める確認水準')])
ods('checks-comment.ods', 'チェックリスト', [CH, row([cell('K-1'), cell('利用者登録'), cell('9.2.1'), cell('ISMAP', note='当社監査で確認')])], columns=4)
ods('checks-struck.ods', 'チェックリスト', [CH, row([cell('K-1'), cell('利用者登録'), cell('9.2.1'), cell('ISMAP')]), row([cell('K-2', style='ceS'), cell('ログ保護', style='ceS'), cell('12.4.2', style='ceS'), cell('ISMAP', style='ceS')])], columns=4)
ods('checks-hidden.ods', 'チェックリスト', [CH, row([cell('K-1'), cell('利用者登録'), cell('9.2.1'), cell('ISMAP')]), row([cell('K-2'), cell('ログ保護'), cell('12.4.2'), cell('ISMAP')], hidden=True)], columns=4)
ods('csp-clean.ods', '管理策一覧', [H, OK, row([cell('9.2.1'), cell('実施')])])
# a copied sheet beside its original, by LibreOffice's name and by Excel's (review 25 A-5)
ods('csp-copy-libre.ods', '管理策一覧', [H, OK], more=[('管理策一覧_2', [H, row([cell('9.2.1'), cell('実施')])])])
ods('csp-copy-excel.ods', '管理策一覧', [H, OK], more=[('管理策一覧 (2)', [H, row([cell('9.2.1'), cell('実施')])])])
# a print footer marking the list as a draft, or as an example (review 25 A-16)
ods('csp-footer-draft.ods', '管理策一覧', [H, OK, row([cell('9.2.1'), cell('実施')])], footer='DRAFT')
ods('csp-footer-example.ods', '管理策一覧', [H, OK, row([cell('9.2.1'), cell('実施')])], footer='記入例')
# a sheet named by a status word (review 25 B-2)
ods('csp-sheet-partial.ods', 'Partial', [H, row([cell('9.2.1'), cell('実施')])])
# csp-dup-cell.xlsx: csp-hidden.xlsx with a second cell at B2 (`未実施`, inline) written before
# LibreOffice's (review 25 D-2); made by hand:
#   sheet1.xml: <c r="B2" t="inlineStr"><is><t>未実施</t></is></c><c r="B2" …>
# csp-far-column.xls: csp-clean.xls with its last LABELSST record (B3, `実施`) moved to row
# 65,536 and column 65,536 (its row and column fields 0xFFFF: past IV, which no BIFF8 writer
# gives; calamine would build a rectangle of 4.3 billion cells), bytes patched in place.
# a sheet named by a partial status, its rows ids only
ods('csp-sheet-partial-ids.ods', 'Partial', [row([cell('管理策番号'), cell('管理策名')]), row([cell('9.2.1'), cell('利用者登録')])])
