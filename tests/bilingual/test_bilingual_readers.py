"""Reading TSV/CSV, PO, XLIFF 1.2/2.0 and TMX into segments that know where their target is."""
import pytest

from mtqa.bilingual.readers import iter_bilingual_paths, read_bilingual
from mtqa.errors import InputError

PO = '''# Translation of the news
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

#: news.txt:1
msgid "Meta hired Alexandr Wang."
msgstr "Meta聘请了王涛。"

#~ msgid "An obsolete entry"
#~ msgstr "过时"

#| msgid "Revenue"
msgid ""
"Revenue was "
"$14.3 billion."
msgstr ""
"营收为"
"143亿美元。"

#, fuzzy
msgid "Qwen is strong"
msgstr ""

msgctxt "count"
msgid "%d model"
msgid_plural "%d models"
msgstr[0] "%d个模型"
'''

XLIFF12 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.txt" source-language="en" target-language="zh-CN" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Meta hired Alexandr Wang.</source>
        <target>Meta聘请了王涛。</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Revenue was <g id="b">$14.3 billion</g>.</source>
        <target state="translated">营收为<g id="b">143亿美元</g>。</target>
      </trans-unit>
      <trans-unit id="3">
        <source>Qwen is strong</source>
      </trans-unit>
      <trans-unit id="4" translate="no">
        <source>DO NOT TRANSLATE</source>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

XLIFF20 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
  <file id="f1">
    <unit id="u1">
      <segment>
        <source>Meta hired Alexandr Wang.</source>
        <target>Meta聘请了王涛。</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="s1">
        <source>Revenue was $14.3 billion.</source>
        <target>营收为143亿美元。</target>
      </segment>
      <segment id="s2">
        <source>Qwen is strong.</source>
        <target>Qwen is strong.</target>
      </segment>
    </unit>
  </file>
</xliff>
'''

TMX = '''<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" datatype="plaintext" segtype="sentence"
          adminlang="en" srclang="en" o-tmf="none"/>
  <body>
    <tu>
      <tuv xml:lang="en"><seg>Meta hired Alexandr Wang.</seg></tuv>
      <tuv xml:lang="zh-CN"><seg>Meta聘请了王涛。</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="zh-CN">
        <seg>营收为143亿美元。</seg>
      </tuv>
      <tuv xml:lang="en-US"><seg>Revenue was $14.3 billion.</seg></tuv>
    </tu>
  </body>
</tmx>
'''


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def target_at(bfile, seg):
    """The file text where the segment says its target starts."""
    return bfile.text[seg.offset:seg.offset + len(seg.target)]


def test_po(tmp_path):
    b = read_bilingual(write(tmp_path, "news.po", PO))
    assert b.format == "po" and b.path.endswith("news.po")
    assert [(s.source, s.target, s.line) for s in b.segments] == [
        ("Meta hired Alexandr Wang.", "Meta聘请了王涛。", 9),
        ("Revenue was $14.3 billion.", "营收为143亿美元。", 19),  # the first line of the msgstr's text
        ("Qwen is strong", "", 24),  # fuzzy entries are checked; the header and obsolete ones are not
        ("%d models", "%d个模型", 29),  # Chinese has one plural form: compared with msgid_plural
    ]
    assert target_at(b, b.segments[0]) == "Meta聘请了王涛。"
    assert b.text[b.segments[1].offset:].startswith("营收为")
    assert b.segments[3].id == "count::%d model[0]"


def test_xliff_12(tmp_path):
    b = read_bilingual(write(tmp_path, "news.xlf", XLIFF12))
    assert [(s.source, s.target, s.line) for s in b.segments] == [
        ("Meta hired Alexandr Wang.", "Meta聘请了王涛。", 7),
        ("Revenue was $14.3 billion.", "营收为143亿美元。", 11),  # inline <g> tags are not text
        ("Qwen is strong", "", 13),  # no <target>: the trans-unit's line
    ]
    assert target_at(b, b.segments[0]) == "Meta聘请了王涛。"


def test_xliff_20(tmp_path):
    b = read_bilingual(write(tmp_path, "news.xliff", XLIFF20))
    assert [(s.source, s.target, s.line, s.id) for s in b.segments] == [
        ("Meta hired Alexandr Wang.", "Meta聘请了王涛。", 7, "u1"),
        ("Revenue was $14.3 billion.", "营收为143亿美元。", 13, "u2::s1"),
        ("Qwen is strong.", "Qwen is strong.", 17, "u2::s2"),
    ]
    assert all(target_at(b, s) == s.target for s in b.segments)


def test_tmx_takes_english_as_source_whatever_the_order(tmp_path):
    b = read_bilingual(write(tmp_path, "news.tmx", TMX))
    assert [(s.source, s.target, s.line) for s in b.segments] == [
        ("Meta hired Alexandr Wang.", "Meta聘请了王涛。", 8),
        ("Revenue was $14.3 billion.", "营收为143亿美元。", 12),  # the <seg> line, not the <tuv> line
    ]
    assert all(target_at(b, s) == s.target for s in b.segments)


def test_tsv_with_header_blank_lines_and_quotes(tmp_path):
    b = read_bilingual(write(tmp_path, "a.tsv", 'source\ttarget\nMeta hired Alexandr Wang.\tMeta聘请了王涛。\n\n'
                                                  'He said "yes".\t他说"是"。\r\n'))
    assert [(s.source, s.target, s.line) for s in b.segments] == [
        ("Meta hired Alexandr Wang.", "Meta聘请了王涛。", 2), ('He said "yes".', '他说"是"。', 4)]
    assert all(target_at(b, s) == s.target for s in b.segments)


def test_tsv_language_code_header_is_skipped(tmp_path):
    b = read_bilingual(write(tmp_path, "a.tsv", "en\tzh-CN\nHello\t你好\n"))
    assert [(s.source, s.line) for s in b.segments] == [("Hello", 2)]


def test_csv_with_quoted_multiline_cells(tmp_path):
    b = read_bilingual(write(tmp_path, "a.csv", 'source,target\n"Meta hired\nAlexandr Wang.","Meta聘请了王涛,""是的""。"\n'
                                                  'Qwen,通义千问\n'))
    assert [(s.source, s.target, s.line) for s in b.segments] == [
        ("Meta hired\nAlexandr Wang.", 'Meta聘请了王涛,"是的"。', 3), ("Qwen", "通义千问", 4)]
    assert b.text[b.segments[0].offset:].startswith("Meta聘请了王涛")


def test_folders_are_walked_for_bilingual_files(tmp_path):
    write(tmp_path, "a.po", PO)
    write(tmp_path, "b.tmx", TMX)
    write(tmp_path, "notes.txt", "not bilingual")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "c.po", PO)
    assert [p.name for p in iter_bilingual_paths([tmp_path])] == ["a.po", "b.tmx"]


@pytest.mark.parametrize("name, text, message", [
    ("a.tsv", "one\ttwo\nthree\tfour\tfive\n", "a.tsv:2: expected 2 columns (source, target), found 3"),
    ("a.tsv", "only one column\n", "a.tsv:1: expected 2 columns"),
    ("a.csv", 'a,b\n"unclosed,quote\n', "a.csv:"),
    ("a.po", 'msgid "a"\nmsgstr "b\n', "a.po:2: invalid PO file"),
    ("a.po", 'msgid "a"\nmsgstr "b"\ngarbage\n', "a.po:3: invalid PO file"),
    ("a.po", 'msgid ""\nmsgstr "Content-Type: text/plain; charset=FOO-9\\n"\n', "a.po:2: invalid PO file: Unsupported charset"),
    ("a.xlf", '<xliff version="1.2"/>', "it has no <file> element"),
    ("a.xlf", '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source></body></file></xliff>',
     "a.xlf:1: not well-formed XML"),
    ("a.xlf", "<?xml version='1.0'?>\n<html><body/></html>", "a.xlf:1: not a XLIFF 1.2 file: the root element is <html>"),
    ("a.tmx", "<tmx>\n<body>\n<tu>\n", "a.tmx:"),
    ("a.tmx", "<html/>", "not a TMX file"),
    ("a.docx", "whatever", "unsupported file type '.docx'"),
])
def test_bad_files_are_located_errors(tmp_path, name, text, message):
    p = write(tmp_path, name, text)
    with pytest.raises(InputError) as e:
        read_bilingual(p)
    assert message in str(e.value)
    assert str(tmp_path) in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_bilingual(tmp_path / "nope.po")
