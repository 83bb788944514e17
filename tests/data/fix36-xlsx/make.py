"""Builds the derived fixtures of tests/fix36_xlsx.rs from the review-24 ones beside it
(python3 make.py, in this folder). The review's own fixtures are copied as they were."""
import zipfile

def mod(src, dst, sheets={}, names=None, extra={}):
    zin = zipfile.ZipFile(src)
    zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
    for it in zin.infolist():
        d = zin.read(it.filename)
        if it.filename in sheets:
            d = sheets[it.filename](d.decode()).encode()
        if it.filename == 'xl/workbook.xml' and names:
            s = d.decode()
            for old, new in names:
                s = s.replace(f'name="{old}"', f'name="{new}"')
            d = s.encode()
        if it.filename == '[Content_Types].xml' and 'xl/drawings/drawing1.xml' in extra:
            d = d.decode().replace('</Types>', '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>').encode()
        zout.writestr(it, d)
    for name, data in extra.items():
        zout.writestr(name, data)
    zout.close()

S1 = 'xl/worksheets/sheet1.xml'
# D-1: an empty styled cell at XFD1048576 (and a <dimension> saying so) holds nothing
mod('x3-far-cell.xlsx', 'x8-far-empty-styled.xlsx', {S1: lambda s: s.replace(
    '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>', '<c r="XFD1048576" s="0"/>').replace('A1:D3', 'A1:XFD1048576')})
# D-1: a stray value in column XFD of row 2: read (2 rows by 16,384 columns)
mod('x3-far-cell.xlsx', 'x10-far-column-near-row.xlsx', {S1: lambda s: s.replace(
    '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', '').replace(
    '</c></row><row r="3">', '</c><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row><row r="3">')})

# a shape with no text (a plain rectangle) beside the table
def drawing(text):
    body = '' if text is None else f'<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="ja-JP"/><a:t>{text}</a:t></a:r></a:p></xdr:txBody>'
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="正方形/長方形 1"/><xdr:cNvSpPr/></xdr:nvSpPr>
<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>{body}</xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'''

def with_drawing(s):
    s = s.replace('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"', 1)
    return s.replace('</worksheet>', '<drawing r:id="rIdDr1"/></worksheet>')

RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>'
mod('csp-base.xlsx', 't3-csp-empty-shape.xlsx', {S1: with_drawing},
    extra={'xl/worksheets/_rels/sheet1.xml.rels': RELS, 'xl/drawings/drawing1.xml': drawing(None)})

# sheets splitting one list, each with its own 登録区分 line: read
for dst, a, b in [('split-clause.xlsx', '組織的対策', '技術的対策'),
                  ('split-cont.xlsx', '管理策一覧', '管理策一覧（続き）'),
                  ('split-num.xlsx', '一覧1', '一覧2'),
                  ('ms-c.xlsx', 'IaaS', 'PaaS')]:
    mod('ms-a.xlsx', dst, names=[('Foo Compute', a), ('Foo Storage', b)])

# B-1: the list beside a sheet of this year's items: both read
mod('ws-Sample.xlsx', 'ws-2026年度.xlsx', names=[('Sample', '2026年度')])
