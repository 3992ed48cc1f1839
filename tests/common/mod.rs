//! A small PDF reader for integration tests, built on `lopdf` only.
//!
//! It is deliberately independent of `resumepdf::pdf`: it reads what a PDF viewer or text
//! extractor would read (fonts and their ToUnicode CMaps, content streams, annotations, the
//! document information) so tests check the written file, not the writer's intentions.

#![allow(dead_code)]

pub mod cli_render;
pub mod run;
pub mod structure;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// What a font dictionary says about its font.
#[derive(Debug, Clone, PartialEq)]
pub struct FontInfo {
    /// `/BaseFont`, e.g. `ABCDEF+Carlito-Regular`.
    pub base_font: String,
    /// Whether the font program is embedded (`/FontFile`, `/FontFile2` or `/FontFile3`).
    pub embedded: bool,
    /// Whether the name carries a subset tag: six uppercase letters and `+`.
    pub subset: bool,
    /// Whether the font has a `/ToUnicode` CMap.
    pub to_unicode: bool,
    /// What the `/ToUnicode` CMap maps each code to.
    pub unicode: BTreeMap<u32, String>,
    /// The embedded font program, decompressed (empty when not embedded).
    pub program: Vec<u8>,
}

/// One text-showing operator (`Tj`, `TJ`, `'`, `"`) as a viewer places it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextShow {
    /// Pen x where the operator starts (PDF user space, origin bottom-left).
    pub x: f32,
    /// Baseline y.
    pub y: f32,
    /// Pen x after the operator, TJ numbers included.
    pub end_x: f32,
    /// Font size.
    pub size: f32,
    /// `/BaseFont` of the font used.
    pub font: String,
    /// The decoded text (what `/ActualText` says, inside one).
    pub text: String,
    /// The text the character codes map to through the font's ToUnicode CMap, ignoring any
    /// `/ActualText`: what extractors that do not read `/ActualText` (pdf.js, pypdf) get.
    pub codes_text: String,
    /// The character codes shown (glyph ids in the embedded font for Identity-H fonts).
    pub codes: Vec<u32>,
    /// The x of every glyph's origin, in order.
    pub glyph_x: Vec<f32>,
}

/// An image XObject as drawn by one `Do` operator.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageInfo {
    /// The resource name used by `Do`, e.g. `Im1`.
    pub name: String,
    /// The image object's id (the same for every draw of one embedded image).
    pub object: ObjectId,
    /// `/Width` in pixels.
    pub width: i64,
    /// `/Height` in pixels.
    pub height: i64,
    /// `/Filter` (several filters joined with spaces).
    pub filter: Option<String>,
    /// `/ColorSpace` when it is a name.
    pub color_space: Option<String>,
    /// `/BitsPerComponent`.
    pub bits_per_component: Option<i64>,
    /// The stream exactly as stored in the file (not decoded).
    pub stream: Vec<u8>,
    /// The samples decoded (filters and predictors undone), unless the filter is an image codec
    /// such as `/DCTDecode`.
    pub samples: Option<Vec<u8>>,
    /// Whether the image has an `/SMask`.
    pub has_smask: bool,
    /// The soft mask's samples, decoded.
    pub smask: Option<Vec<u8>>,
    /// The current transformation matrix at the `Do`: maps the image's unit square to the page.
    pub ctm: [f32; 6],
    /// The clipping path in effect at the `Do` (the last one set), if any.
    pub clip: Option<ClipPath>,
}

/// A clipping path (`W` / `W*` … `n`), in page coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClipPath {
    /// Bounding box of all its points, control points included: `[x0, y0, x1, y1]`.
    pub bbox: [f32; 4],
    /// Number of `re` rectangles.
    pub rects: usize,
    /// Number of straight segments (`l`).
    pub lines: usize,
    /// Number of cubic Bézier segments (`c`, `v`, `y`).
    pub curves: usize,
    /// Whether it used the even-odd rule (`W*`).
    pub even_odd: bool,
}

/// Everything the tests look at in a PDF.
#[derive(Debug, Clone, Default)]
pub struct ReadPdf {
    /// Number of pages.
    pub page_count: usize,
    /// Text per page in content order, decoded through the fonts' ToUnicode CMaps, with `\n`
    /// where the baseline changes and a space where the pen jumps by more than 0.2 em.
    pub text: Vec<String>,
    /// Text-showing operators per page.
    pub shows: Vec<Vec<TextShow>>,
    /// Per page, the text of each marked-content sequence with an MCID (shows on one baseline
    /// joined as they are, a `\n` where the baseline changes).
    pub marked: Vec<BTreeMap<i64, String>>,
    /// Per page, the text drawn as an `/Artifact` (page furniture: footers).
    pub artifacts: Vec<String>,
    /// Every font used by a page, each once.
    pub fonts: Vec<FontInfo>,
    /// Link annotations: (1-based page, `/Rect`, URI).
    pub links: Vec<(usize, [f32; 4], String)>,
    /// `/Border` of each link in `links` (same order), when present.
    pub link_borders: Vec<Option<Vec<f32>>>,
    /// Filled rectangles (`re` … `f`): (1-based page, `[x, y, width, height]`).
    pub fills: Vec<(usize, [f32; 4])>,
    /// Stroked straight lines: (1-based page, `[x0, y0, x1, y1]`, line width).
    pub strokes: Vec<(usize, [f32; 4], f32)>,
    /// Image XObjects drawn, one entry per `Do`: (1-based page, what was drawn and how).
    pub images: Vec<(usize, ImageInfo)>,
    /// Whether every `q` on every page is matched by a `Q` (and no `Q` comes first).
    pub balanced_q: bool,
    /// Number of image XObjects in the file (soft masks included), drawn or not.
    pub image_objects: usize,
    /// Document information entries, decoded (PDFDocEncoding or UTF-16BE).
    pub info: BTreeMap<String, String>,
    /// Whether the document claims PDF/X (`/GTS_PDFXVersion` in the info, or a PDF/X output intent).
    pub has_gts_pdfx: bool,
    /// Header version, e.g. `1.4`.
    pub version: String,
    /// The catalog's `/Lang`.
    pub lang: Option<String>,
    /// The two strings of the trailer `/ID`.
    pub id: Option<(Vec<u8>, Vec<u8>)>,
}

/// Reads `bytes` as a PDF.
///
/// # Panics
/// When the bytes are not a PDF lopdf can load: this is test support, and a panic is a failed test.
pub fn read_pdf(bytes: &[u8]) -> ReadPdf {
    let doc = Document::load_mem(bytes).expect("lopdf can load the PDF");
    let mut out = ReadPdf {
        version: doc.version.clone(),
        balanced_q: true,
        ..ReadPdf::default()
    };
    read_info(&doc, &mut out);
    out.image_objects = doc
        .objects
        .values()
        .filter(|o| match o {
            Object::Stream(s) => {
                matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n.as_slice() == b"Image")
            }
            _ => false,
        })
        .count();
    let pages = doc.get_pages();
    out.page_count = pages.len();
    let mut decoders = HashMap::new();
    for (&number, &page_id) in &pages {
        let fonts = page_fonts(&doc, page_id, &mut decoders, &mut out.fonts);
        out.marked.push(BTreeMap::new());
        out.artifacts.push(String::new());
        let page = read_page_content(&doc, page_id, &fonts, number as usize, &mut out);
        out.text.push(page.0);
        out.shows.push(page.1);
        read_links(&doc, page_id, number as usize, &mut out);
    }
    out
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

fn dict_get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

fn number(object: &Object) -> Option<f32> {
    object.as_float().ok()
}

/// `text` without bidi format characters: the directional marks (U+200E, U+200F) the renderer
/// adds to mixed-direction lines for position-based extractors, and the embeddings (U+202A–U+202E)
/// poppler wraps around right-to-left lines. None of them is visible.
pub fn unmarked(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect()
}

/// A PDF text string: UTF-16BE with a byte order mark, else PDFDocEncoding (read as Latin-1,
/// which agrees with it on everything tests use).
pub fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

fn read_info(doc: &Document, out: &mut ReadPdf) {
    if let Some(Object::Dictionary(info)) = dict_get(doc, &doc.trailer, b"Info") {
        for (key, value) in info.iter() {
            let key = String::from_utf8_lossy(key).into_owned();
            if key == "GTS_PDFXVersion" {
                out.has_gts_pdfx = true;
            }
            if let Object::String(bytes, _) = deref(doc, value) {
                out.info.insert(key, decode_text_string(bytes));
            }
        }
    }
    if let Ok(Object::Array(id)) = doc.trailer.get(b"ID")
        && let [Object::String(a, _), Object::String(b, _)] = id.as_slice()
    {
        out.id = Some((a.clone(), b.clone()));
    }
    if let Ok(catalog) = doc.catalog() {
        if let Some(Object::String(lang, _)) = dict_get(doc, catalog, b"Lang") {
            out.lang = Some(decode_text_string(lang));
        }
        if let Some(Object::Array(intents)) = dict_get(doc, catalog, b"OutputIntents") {
            for intent in intents {
                if let Object::Dictionary(d) = deref(doc, intent)
                    && matches!(d.get(b"S"), Ok(Object::Name(n)) if n.as_slice() == b"GTS_PDFX")
                {
                    out.has_gts_pdfx = true;
                }
            }
        }
    }
}

/// How to turn a font's codes into text and advances.
struct FontDecoder {
    base_font: String,
    two_byte: bool,
    to_unicode: HashMap<u32, String>,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

impl FontDecoder {
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    fn text(&self, code: u32) -> String {
        match self.to_unicode.get(&code) {
            Some(text) => text.clone(),
            None if !self.two_byte => char::from_u32(code).map(String::from).unwrap_or_default(),
            None => String::new(),
        }
    }
}

/// The fonts of a page by resource name. Each font dictionary is read once per document (`read`,
/// keyed by its address in `doc`): pages share their fonts, and decompressing every font program
/// again for each of hundreds of pages made reading a long PDF slow.
fn page_fonts(
    doc: &Document,
    page_id: ObjectId,
    read: &mut HashMap<*const Dictionary, Rc<FontDecoder>>,
    infos: &mut Vec<FontInfo>,
) -> HashMap<Vec<u8>, Rc<FontDecoder>> {
    let mut decoders = HashMap::new();
    for (name, font) in doc.get_page_fonts(page_id).unwrap_or_default() {
        let decoder = read
            .entry(std::ptr::from_ref(font))
            .or_insert_with(|| Rc::new(read_font(doc, font, infos)));
        decoders.insert(name, Rc::clone(decoder));
    }
    decoders
}

/// What a font dictionary says, for decoding its text; its [`FontInfo`] goes into `infos`.
fn read_font(doc: &Document, font: &Dictionary, infos: &mut Vec<FontInfo>) -> FontDecoder {
    let base_font = match dict_get(doc, font, b"BaseFont") {
        Some(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
        _ => String::new(),
    };
    let two_byte = matches!(font.get(b"Subtype"), Ok(Object::Name(n)) if n.as_slice() == b"Type0");
    let descendant = if two_byte {
        match dict_get(doc, font, b"DescendantFonts") {
            Some(Object::Array(a)) => a.first().and_then(|d| deref(doc, d).as_dict().ok()),
            _ => None,
        }
    } else {
        None
    };
    let descriptor_owner = descendant.unwrap_or(font);
    let program = match dict_get(doc, descriptor_owner, b"FontDescriptor") {
        Some(Object::Dictionary(fd)) => [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .find_map(|k| match dict_get(doc, fd, k) {
                Some(Object::Stream(s)) => Some(
                    s.decompressed_content()
                        .unwrap_or_else(|_| s.content.clone()),
                ),
                _ => None,
            }),
        _ => None,
    };
    let embedded = program.is_some();
    let to_unicode = match dict_get(doc, font, b"ToUnicode") {
        Some(Object::Stream(s)) => {
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            parse_to_unicode(&content)
        }
        _ => HashMap::new(),
    };
    let (widths, default_width) = match descendant {
        Some(d) => cid_widths(doc, d),
        None => simple_widths(doc, font),
    };
    let subset = base_font.len() > 7
        && base_font.as_bytes()[..6].iter().all(u8::is_ascii_uppercase)
        && base_font.as_bytes()[6] == b'+';
    let info = FontInfo {
        base_font: base_font.clone(),
        embedded,
        subset,
        to_unicode: font.has(b"ToUnicode"),
        unicode: to_unicode.iter().map(|(k, v)| (*k, v.clone())).collect(),
        program: program.unwrap_or_default(),
    };
    if !infos.contains(&info) {
        infos.push(info);
    }
    FontDecoder {
        base_font,
        two_byte,
        to_unicode,
        widths,
        default_width,
    }
}

/// `/W` of a CIDFont: `c [w1 w2 …]` and `c_first c_last w` groups; `/DW` default (1000).
fn cid_widths(doc: &Document, cid_font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let default_width = dict_get(doc, cid_font, b"DW")
        .and_then(number)
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    if let Some(Object::Array(w)) = dict_get(doc, cid_font, b"W") {
        let items: Vec<&Object> = w.iter().map(|o| deref(doc, o)).collect();
        let mut i = 0;
        while i < items.len() {
            let Some(first) = items[i].as_i64().ok() else {
                break;
            };
            match items.get(i + 1) {
                Some(Object::Array(list)) => {
                    for (k, width) in list.iter().enumerate() {
                        if let Some(width) = number(deref(doc, width)) {
                            widths.insert(first as u32 + k as u32, width);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Ok(last), Some(width)) =
                        (last.as_i64(), items.get(i + 2).and_then(|o| number(o)))
                    else {
                        break;
                    };
                    for code in first..=last {
                        widths.insert(code as u32, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    (widths, default_width)
}

/// `/FirstChar` + `/Widths` of a simple font.
fn simple_widths(doc: &Document, font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let first = dict_get(doc, font, b"FirstChar")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    let mut widths = HashMap::new();
    if let Some(Object::Array(w)) = dict_get(doc, font, b"Widths") {
        for (k, width) in w.iter().enumerate() {
            if let Some(width) = number(deref(doc, width)) {
                widths.insert((first + k as i64) as u32, width);
            }
        }
    }
    (widths, 0.0)
}

/// Tokens of a CMap: hex strings (as bytes), `[`, `]` and bare words.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

fn tokenize(cmap: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < cmap.len() {
        let c = cmap[i];
        match c {
            b'%' => {
                while i < cmap.len() && cmap[i] != b'\n' && cmap[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if cmap.get(i + 1) == Some(&b'<') => {
                tokens.push(Token::Word("<<".into()));
                i += 2;
            }
            b'<' => {
                let end = cmap[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(cmap.len(), |p| i + p);
                let digits: Vec<u8> = cmap[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|pair| {
                        let hex = |d: u8| (d as char).to_digit(16).unwrap_or(0) as u8;
                        hex(pair[0]) << 4 | pair.get(1).map_or(0, |&d| hex(d))
                    })
                    .collect();
                tokens.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b']' => {
                tokens.push(Token::Close);
                i += 1;
            }
            _ if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < cmap.len()
                    && !cmap[i].is_ascii_whitespace()
                    && !b"<>[]%".contains(&cmap[i])
                {
                    i += 1;
                }
                tokens.push(Token::Word(
                    String::from_utf8_lossy(&cmap[start..i]).into_owned(),
                ));
            }
        }
    }
    tokens
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |acc, &b| acc << 8 | u32::from(b))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// Parses the `bfchar` and `bfrange` sections of a ToUnicode CMap.
pub fn parse_to_unicode(cmap: &[u8]) -> HashMap<u32, String> {
    let tokens = tokenize(cmap);
    let mut map = HashMap::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Word(w) if w == "beginbfchar" => {
                i += 1;
                while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                    (tokens.get(i), tokens.get(i + 1))
                {
                    map.insert(code_of(src), utf16(dst));
                    i += 2;
                }
            }
            Token::Word(w) if w == "beginbfrange" => {
                i += 1;
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                    (tokens.get(i), tokens.get(i + 1))
                {
                    let (lo, hi) = (code_of(lo), code_of(hi));
                    match tokens.get(i + 2) {
                        Some(Token::Hex(dst)) => {
                            // Consecutive codes map to consecutive last UTF-16 units.
                            let base = utf16(dst);
                            for (k, code) in (lo..=hi).enumerate() {
                                let mut units: Vec<u16> = base.encode_utf16().collect();
                                if let Some(last) = units.last_mut() {
                                    *last += k as u16;
                                }
                                map.insert(code, String::from_utf16_lossy(&units));
                            }
                            i += 3;
                        }
                        Some(Token::Open) => {
                            i += 3;
                            let mut code = lo;
                            while let Some(Token::Hex(dst)) = tokens.get(i) {
                                if code <= hi {
                                    map.insert(code, utf16(dst));
                                }
                                code += 1;
                                i += 1;
                            }
                            i += 1; // the closing bracket
                        }
                        _ => break,
                    }
                }
            }
            _ => i += 1,
        }
    }
    map
}

/// Text state while walking a content stream.
struct TextState {
    /// Text matrix `[a b c d e f]` and text line matrix.
    tm: [f32; 6],
    tlm: [f32; 6],
    leading: f32,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
}

fn translate(m: [f32; 6], tx: f32, ty: f32) -> [f32; 6] {
    [
        m[0],
        m[1],
        m[2],
        m[3],
        tx * m[0] + ty * m[2] + m[4],
        tx * m[1] + ty * m[3] + m[5],
    ]
}

/// Appends a piece of text placed at `(x, y)`, separating it from what came before.
/// What an open marked-content sequence is to the structure tree.
enum Tagged {
    /// Real content with this MCID.
    Content(i64),
    /// An artifact.
    Artifact,
    /// Neither (e.g. `/ReversedChars`, or a `/Span` with `/ActualText`).
    Neither,
}

struct TextSink {
    out: String,
    last: Option<(f32, f32, f32)>, // x where the last glyph starts, pen x after it, baseline y
}

impl TextSink {
    /// A piece touching the last one on either side continues it: text read right to left comes
    /// leftwards.
    fn push(&mut self, text: &str, x: f32, y: f32, end_x: f32, size: f32) {
        if let Some((last_start, last_end, last_y)) = self.last {
            let separated =
                self.out.ends_with(char::is_whitespace) || text.starts_with(char::is_whitespace);
            let touching =
                (x - last_end).abs() <= 0.2 * size || (end_x - last_start).abs() <= 0.2 * size;
            if (y - last_y).abs() > 0.1 * size {
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
            } else if !touching && !separated && !text.is_empty() {
                self.out.push(' ');
            }
        }
        self.out.push_str(text);
        self.last = Some((x, end_x, y));
    }
}

fn read_page_content(
    doc: &Document,
    page_id: ObjectId,
    fonts: &HashMap<Vec<u8>, Rc<FontDecoder>>,
    page: usize,
    out: &mut ReadPdf,
) -> (String, Vec<TextShow>) {
    let content = doc
        .get_and_decode_page_content(page_id)
        .expect("the page content decodes");
    let mut st = TextState {
        tm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        tlm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        leading: 0.0,
        font: None,
        size: 0.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        h_scale: 1.0,
    };
    let mut sink = TextSink {
        out: String::new(),
        last: None,
    };
    let mut shows = Vec::new();
    // Open marked-content sequences: whether each is `/ReversedChars`, and the `/ActualText`
    // of each that has one (taken by the first show inside it).
    let mut marked: Vec<bool> = Vec::new();
    let mut actual: Vec<Option<String>> = Vec::new();
    // And what each is to the structure: its MCID, or an artifact.
    let mut tagged: Vec<Tagged> = Vec::new();
    // The sequence and baseline of the last show with text, for line breaks.
    let mut last: Option<(Option<i64>, f32)> = None;
    let mut line_width = 1.0;
    let mut path: Vec<[f32; 2]> = Vec::new();
    let mut rects: Vec<[f32; 4]> = Vec::new();
    let xobjects = page_xobjects(doc, page_id);
    let mut graphics = Graphics::default();
    let mut stack: Vec<Graphics> = Vec::new();
    let mut clip_path = PathShape::default();
    let mut pending_clip: Option<bool> = None;
    for Operation { operator, operands } in &content.operations {
        let nums: Vec<f32> = operands.iter().filter_map(number).collect();
        match operator.as_str() {
            "q" => stack.push(graphics.clone()),
            "Q" => match stack.pop() {
                Some(saved) => graphics = saved,
                None => out.balanced_q = false,
            },
            "cm" if nums.len() == 6 => {
                let m = [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]];
                graphics.ctm = multiply(m, graphics.ctm);
            }
            "W" | "W*" => pending_clip = Some(operator == "W*"),
            "m" | "l" | "c" | "v" | "y" | "re" => clip_path.add(operator, &nums, graphics.ctm),
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" => {
                let shape = std::mem::take(&mut clip_path);
                if let Some(even_odd) = pending_clip.take() {
                    graphics.clip = Some(shape.into_clip(even_odd));
                }
            }
            "Do" => {
                let name = operands.first().and_then(|o| o.as_name().ok());
                if let Some(image) = name.and_then(|n| read_image(doc, &xobjects, n, &graphics)) {
                    out.images.push((page, image));
                }
            }
            _ => {}
        }
        match operator.as_str() {
            "BMC" | "BDC" => {
                marked.push(operands.first().is_some_and(
                    |tag| matches!(tag, Object::Name(n) if n.as_slice() == b"ReversedChars"),
                ));
                let props = match operands.get(1) {
                    Some(Object::Dictionary(props)) => Some(props),
                    _ => None,
                };
                actual.push(match props.map(|p| p.get(b"ActualText")) {
                    Some(Ok(Object::String(bytes, _))) => Some(decode_text_string(bytes)),
                    _ => None,
                });
                let is_artifact = matches!(operands.first(), Some(Object::Name(n)) if n.as_slice() == b"Artifact");
                tagged.push(match props.map(|p| p.get(b"MCID")) {
                    Some(Ok(Object::Integer(mcid))) => Tagged::Content(*mcid),
                    _ if is_artifact => Tagged::Artifact,
                    _ => Tagged::Neither,
                });
            }
            "EMC" => {
                marked.pop();
                actual.pop();
                tagged.pop();
            }
            "BT" => {
                st.tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
                st.tlm = st.tm;
            }
            "Tf" => {
                st.font = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                st.size = nums.first().copied().unwrap_or(0.0);
            }
            "Tc" => st.char_spacing = nums.first().copied().unwrap_or(0.0),
            "Tw" => st.word_spacing = nums.first().copied().unwrap_or(0.0),
            "Tz" => st.h_scale = nums.first().copied().unwrap_or(100.0) / 100.0,
            "TL" => st.leading = nums.first().copied().unwrap_or(0.0),
            "Tm" if nums.len() == 6 => {
                st.tm = [nums[0], nums[1], nums[2], nums[3], nums[4], nums[5]];
                st.tlm = st.tm;
            }
            "Td" | "TD" if nums.len() == 2 => {
                if operator == "TD" {
                    st.leading = -nums[1];
                }
                st.tlm = translate(st.tlm, nums[0], nums[1]);
                st.tm = st.tlm;
            }
            "T*" => {
                st.tlm = translate(st.tlm, 0.0, -st.leading);
                st.tm = st.tlm;
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if operator == "'" || operator == "\"" {
                    st.tlm = translate(st.tlm, 0.0, -st.leading);
                    st.tm = st.tlm;
                }
                let items: Vec<&Object> = match (operator.as_str(), operands.last()) {
                    ("TJ", Some(Object::Array(a))) => a.iter().collect(),
                    (_, Some(o)) => vec![o],
                    _ => vec![],
                };
                let Some(font) = st.font.as_ref().and_then(|f| fonts.get(f)) else {
                    continue;
                };
                // Glyphs as (text, x, pen x after): inside `/ReversedChars` marked content
                // (ISO 32000 14.8.2.5.3) the show string is text backwards, read from its end.
                let mut glyphs: Vec<(String, f32, f32)> = Vec::new();
                let mut show = TextShow {
                    x: st.tm[4],
                    y: st.tm[5],
                    end_x: st.tm[4],
                    size: st.size,
                    font: font.base_font.clone(),
                    text: String::new(),
                    codes_text: String::new(),
                    codes: Vec::new(),
                    glyph_x: Vec::new(),
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            for code in font.codes(bytes) {
                                let x = st.tm[4];
                                let text = font.text(code);
                                let mut advance =
                                    font.width(code) / 1000.0 * st.size + st.char_spacing;
                                if !font.two_byte && code == 32 {
                                    advance += st.word_spacing;
                                }
                                st.tm = translate(st.tm, advance * st.h_scale, 0.0);
                                glyphs.push((text, x, st.tm[4]));
                                show.glyph_x.push(x);
                                show.codes.push(code);
                            }
                        }
                        other => {
                            if let Some(n) = number(other) {
                                let dx = -n / 1000.0 * st.size * st.h_scale;
                                st.tm = translate(st.tm, dx, 0.0);
                            }
                        }
                    }
                }
                if marked.contains(&true) {
                    glyphs.reverse();
                    for glyph in &mut glyphs {
                        glyph.0 = glyph.0.chars().rev().collect();
                    }
                }
                show.codes_text = glyphs.iter().map(|g| g.0.as_str()).collect();
                // Inside `/ActualText`, that text stands for all the glyphs (ISO 32000 14.9.4).
                if let Some(text) = actual.iter_mut().rev().find_map(|a| a.as_mut()) {
                    for (i, glyph) in glyphs.iter_mut().enumerate() {
                        glyph.0 = if i == 0 {
                            std::mem::take(text)
                        } else {
                            String::new()
                        };
                    }
                }
                // The show as a whole continues the text if it touches the last show; then each
                // glyph continues the glyph before it. A glyph that stands for no text (a mark
                // whose character its base glyph carries) separates nothing.
                let start = glyphs.iter().map(|g| g.1).fold(f32::INFINITY, f32::min);
                let end = glyphs.iter().map(|g| g.2).fold(f32::NEG_INFINITY, f32::max);
                glyphs.retain(|g| !g.0.is_empty());
                for (i, (text, x, end_x)) in glyphs.iter().enumerate() {
                    if i == 0 {
                        sink.push(text, start, show.y, end, st.size);
                        sink.last = Some((*x, *end_x, show.y));
                    } else {
                        sink.push(text, *x, show.y, *end_x, st.size);
                    }
                    show.text.push_str(text);
                }
                if !glyphs.is_empty() {
                    sink.last = Some((start, end, show.y));
                }
                show.end_x = st.tm[4];
                let innermost = tagged.iter().rev().find(|t| !matches!(t, Tagged::Neither));
                let key = match innermost {
                    Some(Tagged::Content(mcid)) => Some(*mcid),
                    Some(Tagged::Artifact) => Some(-1),
                    _ => None,
                };
                let target = match innermost {
                    Some(Tagged::Content(mcid)) => {
                        Some(out.marked[page - 1].entry(*mcid).or_default())
                    }
                    Some(Tagged::Artifact) => Some(&mut out.artifacts[page - 1]),
                    _ => None,
                };
                if let Some(target) = target
                    && !show.text.is_empty()
                {
                    let new_line = last.is_some_and(|(last_key, y)| {
                        last_key == key && (y - show.y).abs() > 0.1 * st.size
                    });
                    if new_line && !target.is_empty() {
                        target.push('\n');
                    }
                    target.push_str(&show.text);
                    last = Some((key, show.y));
                }
                shows.push(show);
            }
            "w" => line_width = nums.first().copied().unwrap_or(1.0),
            "m" if nums.len() == 2 => path = vec![[nums[0], nums[1]]],
            "l" if nums.len() == 2 => path.push([nums[0], nums[1]]),
            "re" if nums.len() == 4 => rects.push([nums[0], nums[1], nums[2], nums[3]]),
            "S" => {
                for pair in path.windows(2) {
                    out.strokes.push((
                        page,
                        [pair[0][0], pair[0][1], pair[1][0], pair[1][1]],
                        line_width,
                    ));
                }
                path.clear();
                rects.clear();
            }
            "f" | "F" | "f*" => {
                for rect in rects.drain(..) {
                    out.fills.push((page, rect));
                }
                path.clear();
            }
            "n" | "B" | "B*" | "b" | "b*" | "s" => {
                path.clear();
                rects.clear();
            }
            _ => {}
        }
    }
    if !stack.is_empty() {
        out.balanced_q = false;
    }
    (sink.out, shows)
}

/// The graphics state the reader tracks: what `q` saves and `Q` restores.
#[derive(Debug, Clone)]
struct Graphics {
    ctm: [f32; 6],
    clip: Option<ClipPath>,
}

impl Default for Graphics {
    fn default() -> Graphics {
        Graphics {
            ctm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            clip: None,
        }
    }
}

/// `m × n` for PDF matrices `[a b c d e f]` (row vectors: a point is transformed by `m` first).
fn multiply(m: [f32; 6], n: [f32; 6]) -> [f32; 6] {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn transform(ctm: [f32; 6], x: f32, y: f32) -> [f32; 2] {
    [
        x * ctm[0] + y * ctm[2] + ctm[4],
        x * ctm[1] + y * ctm[3] + ctm[5],
    ]
}

/// The path being built, summarised for clipping paths.
#[derive(Debug, Default)]
struct PathShape {
    points: Vec<[f32; 2]>,
    rects: usize,
    lines: usize,
    curves: usize,
}

impl PathShape {
    fn add(&mut self, operator: &str, nums: &[f32], ctm: [f32; 6]) {
        match (operator, nums.len()) {
            ("re", 4) => {
                let [x, y, w, h] = [nums[0], nums[1], nums[2], nums[3]];
                for (px, py) in [(x, y), (x + w, y), (x + w, y + h), (x, y + h)] {
                    self.points.push(transform(ctm, px, py));
                }
                self.rects += 1;
            }
            ("m" | "l", 2) | ("c", 6) | ("v" | "y", 4) => {
                for pair in nums.chunks(2) {
                    self.points.push(transform(ctm, pair[0], pair[1]));
                }
                match operator {
                    "l" => self.lines += 1,
                    "m" => {}
                    _ => self.curves += 1,
                }
            }
            _ => {}
        }
    }

    fn into_clip(self, even_odd: bool) -> ClipPath {
        let mut bbox = [
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        ];
        for [x, y] in &self.points {
            bbox = [
                bbox[0].min(*x),
                bbox[1].min(*y),
                bbox[2].max(*x),
                bbox[3].max(*y),
            ];
        }
        ClipPath {
            bbox,
            rects: self.rects,
            lines: self.lines,
            curves: self.curves,
            even_odd,
        }
    }
}

/// The `/XObject` resources of a page (its own and inherited ones): name → object id.
fn page_xobjects(doc: &Document, page_id: ObjectId) -> BTreeMap<Vec<u8>, ObjectId> {
    let mut map = BTreeMap::new();
    let Ok((own, inherited)) = doc.get_page_resources(page_id) else {
        return map;
    };
    let dicts = inherited
        .iter()
        .filter_map(|id| doc.get_dictionary(*id).ok())
        .rev()
        .chain(own);
    for resources in dicts {
        if let Some(Object::Dictionary(xobjects)) = dict_get(doc, resources, b"XObject") {
            for (name, value) in xobjects.iter() {
                if let Ok(id) = value.as_reference() {
                    map.insert(name.clone(), id);
                }
            }
        }
    }
    map
}

fn name_string(object: Option<&Object>) -> Option<String> {
    match object {
        Some(Object::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

/// The samples of an image stream that is stored raw or with `/FlateDecode` (with or without PNG
/// predictors), decoded here rather than by lopdf (whose Average predictor is wrong); `None` for
/// other filters.
fn decode_samples(doc: &Document, stream: &lopdf::Stream) -> Option<Vec<u8>> {
    use std::io::Read;

    let dict = &stream.dict;
    match dict_get(doc, dict, b"Filter") {
        None => return Some(stream.content.clone()),
        Some(Object::Name(n)) if n.as_slice() == b"FlateDecode" => {}
        Some(Object::Array(a))
            if a.len() == 1
                && name_string(Some(deref(doc, &a[0]))).as_deref() == Some("FlateDecode") => {}
        _ => return None,
    }
    let mut data = Vec::new();
    flate2::read::ZlibDecoder::new(stream.content.as_slice())
        .read_to_end(&mut data)
        .expect("the image's Flate data inflates");
    let parms = match dict_get(doc, dict, b"DecodeParms") {
        Some(Object::Dictionary(d)) => d,
        Some(Object::Array(a)) => match a.first().map(|o| deref(doc, o)) {
            Some(Object::Dictionary(d)) => d,
            _ => return Some(data),
        },
        _ => return Some(data),
    };
    let get = |key: &[u8], default: i64| {
        dict_get(doc, parms, key)
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(default)
    };
    let predictor = get(b"Predictor", 1);
    if predictor < 10 {
        assert_eq!(predictor, 1, "TIFF predictors are not read");
        return Some(data);
    }
    let (colors, bits, columns) = (
        get(b"Colors", 1) as usize,
        get(b"BitsPerComponent", 8) as usize,
        get(b"Columns", 1) as usize,
    );
    let bpp = (colors * bits).div_ceil(8);
    let row_len = (columns * colors * bits).div_ceil(8);
    Some(undo_png_predictors(&data, row_len, bpp))
}

/// Undoes PNG predictors (ISO 32000-1, 7.4.4.4; PNG specification, filter types 0–4).
fn undo_png_predictors(data: &[u8], row_len: usize, bpp: usize) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(data.len());
    for (r, row) in data.chunks(row_len + 1).enumerate() {
        assert_eq!(row.len(), row_len + 1, "a partial predicted row");
        let start = out.len();
        for i in 0..row_len {
            let left = if i >= bpp { out[start + i - bpp] } else { 0 };
            let up = if r > 0 { out[start - row_len + i] } else { 0 };
            let up_left = if r > 0 && i >= bpp {
                out[start - row_len + i - bpp]
            } else {
                0
            };
            let predicted = match row[0] {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    }
                }
                other => panic!("PNG filter type {other}"),
            };
            out.push(row[1 + i].wrapping_add(predicted));
        }
    }
    out
}

/// The image XObject `name` drawn in graphics state `graphics`; `None` for other XObjects.
fn read_image(
    doc: &Document,
    xobjects: &BTreeMap<Vec<u8>, ObjectId>,
    name: &[u8],
    graphics: &Graphics,
) -> Option<ImageInfo> {
    let id = *xobjects.get(name)?;
    let Ok(Object::Stream(stream)) = doc.get_object(id) else {
        return None;
    };
    let dict = &stream.dict;
    if name_string(dict_get(doc, dict, b"Subtype")).as_deref() != Some("Image") {
        return None;
    }
    let filter = match dict_get(doc, dict, b"Filter") {
        Some(Object::Array(filters)) => Some(
            filters
                .iter()
                .filter_map(|f| name_string(Some(deref(doc, f))))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        other => name_string(other),
    };
    let samples = decode_samples(doc, stream);
    let smask = match dict_get(doc, dict, b"SMask") {
        Some(Object::Stream(mask)) => Some(decode_samples(doc, mask).expect("the mask decodes")),
        _ => None,
    };
    let integer = |key: &[u8]| dict_get(doc, dict, key).and_then(|o| o.as_i64().ok());
    Some(ImageInfo {
        name: String::from_utf8_lossy(name).into_owned(),
        object: id,
        width: integer(b"Width").unwrap_or(0),
        height: integer(b"Height").unwrap_or(0),
        filter,
        color_space: name_string(dict_get(doc, dict, b"ColorSpace")),
        bits_per_component: integer(b"BitsPerComponent"),
        stream: stream.content.clone(),
        samples,
        has_smask: dict.has(b"SMask"),
        smask,
        ctm: graphics.ctm,
        clip: graphics.clip.clone(),
    })
}

fn read_links(doc: &Document, page_id: ObjectId, page: usize, out: &mut ReadPdf) {
    let Ok(page_dict) = doc.get_dictionary(page_id) else {
        return;
    };
    let Some(Object::Array(annots)) = dict_get(doc, page_dict, b"Annots") else {
        return;
    };
    for annot in annots {
        let Object::Dictionary(annot) = deref(doc, annot) else {
            continue;
        };
        if !matches!(annot.get(b"Subtype"), Ok(Object::Name(n)) if n.as_slice() == b"Link") {
            continue;
        }
        let rect: Vec<f32> = match dict_get(doc, annot, b"Rect") {
            Some(Object::Array(r)) => r.iter().filter_map(|o| number(deref(doc, o))).collect(),
            _ => Vec::new(),
        };
        let uri = match dict_get(doc, annot, b"A") {
            Some(Object::Dictionary(action)) => match dict_get(doc, action, b"URI") {
                Some(Object::String(uri, _)) => String::from_utf8_lossy(uri).into_owned(),
                _ => String::new(),
            },
            _ => String::new(),
        };
        let border = match dict_get(doc, annot, b"Border") {
            Some(Object::Array(b)) => {
                Some(b.iter().filter_map(|o| number(deref(doc, o))).collect())
            }
            _ => None,
        };
        let rect = match rect.as_slice() {
            &[a, b, c, d] => [a, b, c, d],
            _ => [f32::NAN; 4],
        };
        out.links.push((page, rect, uri));
        out.link_borders.push(border);
    }
}

/// The work template that leads an entry with the position (in bold, with the dates) and puts
/// the employer under it (in italics, with the place): the order of layouts written before
/// entry templates, which some tests read back.
pub fn position_first_work() -> resumepdf::layout::EntryTemplate {
    let template = r#"{
        "lines": [
            { "left": ["position"], "right": ["dates"] },
            { "left": [{ "field": "name", "link": true }], "right": ["location"] }
        ],
        "body": ["description", "summary", "highlights"]
    }"#;
    serde_json::from_str(template).expect("the template parses")
}
