//! Raster images → image XObjects, and the operations that draw them clipped to their frame.
//!
//! A JPEG file is embedded unchanged (`/DCTDecode`): no decoding, no re-encoding, no loss. RGBA
//! pixels become a Flate-compressed RGB image (with PNG predictors, as a PNG file would be) and,
//! only when some pixel is not fully opaque, an alpha soft mask (`/SMask`, PDF 1.4).
//!
//! Each distinct image is embedded once however often it is drawn, named `Im1`, `Im2`, … in the
//! order of first appearance, so the output stays deterministic.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use printpdf::{
    CurTransMat, DictItem, ExternalStream, ExternalXObject, Pt, Px, XObject, XObjectId,
};

use super::PdfError;
use super::stream::Writer;
use crate::style::{Clip, Image, ImageData, Rect};
use crate::typeset::pages::{Item, Pages};

/// zlib level for RGB and alpha data. Measured on samples/with-photo.jpg decoded to 300 × 375
/// RGBA (337 KB of RGB; release build, whole `write` of a one-line page, best of 30, on a busy
/// 2-core machine): level 1 gave 47.5 KB in 3.9 ms, 3 42.3 KB in 4.3 ms, 4 40.5 KB in 4.2 ms,
/// 6 36.9 KB in 7.6 ms, 9 34.5 KB in 65 ms. Without predictors, level 6 gave 41.8 KB.
const IMAGE_DEFLATE_LEVEL: u32 = 4;

/// Control-point distance for a quarter circle of radius 1 drawn as one cubic Bézier curve.
const KAPPA: f32 = 0.552_284_8;

/// Rounds a coordinate to 1/1000 pt, as the rest of the content stream does.
fn coord(v: f32) -> Pt {
    Pt((v * 1000.0).round() / 1000.0)
}

/// Whether an image item is drawn at all (`Ok(false)`: an empty frame or drawing area), or `Err`
/// when one of its numbers is not finite.
pub(crate) fn is_drawn(frame: &Rect, draw: &Rect, clip: Clip) -> Result<bool, ()> {
    let radius = match clip {
        Clip::Rounded(r) => r,
        Clip::Rectangle | Clip::Ellipse => 0.0,
    };
    let numbers = [
        frame.x,
        frame.y,
        frame.width,
        frame.height,
        draw.x,
        draw.y,
        draw.width,
        draw.height,
        radius,
    ];
    if !numbers.iter().all(|v| v.is_finite()) {
        return Err(());
    }
    Ok(frame.width > 0.0 && frame.height > 0.0 && draw.width > 0.0 && draw.height > 0.0)
}

/// The distinct images of a document and their resource names.
pub(crate) struct Images {
    entries: Vec<(Arc<Image>, XObjectId)>,
}

impl Images {
    /// Collects and checks every image drawn in `pages`, and builds one XObject per distinct image
    /// (the same `Arc`, or equal contents).
    pub fn collect(pages: &Pages) -> Result<(Images, Vec<(XObjectId, XObject)>), PdfError> {
        let mut images = Images {
            entries: Vec::new(),
        };
        let mut xobjects = Vec::new();
        for (index, page) in pages.pages.iter().enumerate() {
            let number = index + 1;
            for item in &page.items {
                let Item::Image {
                    frame,
                    draw,
                    clip,
                    image,
                    ..
                } = item
                else {
                    continue;
                };
                let drawn = is_drawn(frame, draw, *clip).map_err(|()| PdfError::NonFinite {
                    page: number,
                    what: "an image",
                })?;
                if !drawn || images.id(image).is_some() {
                    continue;
                }
                let xobject = xobject(image).map_err(|reason| PdfError::Image {
                    page: number,
                    reason,
                })?;
                let id = XObjectId(format!("Im{}", images.entries.len() + 1));
                images.entries.push((Arc::clone(image), id.clone()));
                xobjects.push((id, xobject));
            }
        }
        Ok((images, xobjects))
    }

    /// The resource name of `image`, if it was collected.
    pub fn id(&self, image: &Arc<Image>) -> Option<&XObjectId> {
        self.entries
            .iter()
            .find(|(known, _)| Arc::ptr_eq(known, image) || **known == **image)
            .map(|(_, id)| id)
    }
}

fn name(value: &str) -> DictItem {
    DictItem::Name(value.as_bytes().to_vec())
}

/// The dictionary entries every image XObject has.
fn image_dict(
    width: u32,
    height: u32,
    color_space: &str,
    filter: &str,
) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        ("ColorSpace".to_string(), name(color_space)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name(filter)),
    ])
}

/// Why `image` cannot be embedded, if it cannot: a zero size, RGBA data of the wrong length, or a
/// JPEG that is not what the image says it is or that PDF viewers cannot decode.
pub(crate) fn check(image: &Image) -> Result<(), String> {
    let (width, height) = (image.width, image.height);
    if width == 0 || height == 0 {
        return Err(format!("the image is {width} × {height} pixels"));
    }
    match &image.data {
        ImageData::Jpeg { bytes, components } => {
            if !matches!(components, 1 | 3) {
                return Err(format!(
                    "a JPEG with {components} colour components is not supported"
                ));
            }
            check_jpeg(bytes, width, height, *components)
        }
        ImageData::Rgba8(pixels) => {
            let expected = (width as usize)
                .checked_mul(height as usize)
                .and_then(|n| n.checked_mul(4));
            if expected == Some(pixels.len()) {
                Ok(())
            } else {
                Err(format!(
                    "{} bytes of RGBA data for {width} × {height} pixels",
                    pixels.len()
                ))
            }
        }
    }
}

/// The image XObject for `image`, or why it cannot be embedded.
fn xobject(image: &Image) -> Result<XObject, String> {
    check(image)?;
    let (width, height) = (image.width, image.height);
    let stream = match &image.data {
        ImageData::Jpeg { bytes, components } => {
            let color_space = if *components == 1 {
                "DeviceGray"
            } else {
                "DeviceRGB"
            };
            ExternalStream {
                dict: image_dict(width, height, color_space, "DCTDecode"),
                content: bytes.clone(),
                compress: false,
            }
        }
        ImageData::Rgba8(pixels) => {
            let mut rgb = Vec::with_capacity(pixels.len() / 4 * 3);
            let mut alpha = Vec::with_capacity(pixels.len() / 4);
            for pixel in pixels.chunks_exact(4) {
                rgb.extend_from_slice(&pixel[..3]);
                alpha.push(pixel[3]);
            }
            let mut dict = image_dict(width, height, "DeviceRGB", "FlateDecode");
            dict.insert("DecodeParms".to_string(), predictor_parms(width, 3));
            if alpha.iter().any(|&a| a != 255) {
                let mut mask = image_dict(width, height, "DeviceGray", "FlateDecode");
                mask.insert("DecodeParms".to_string(), predictor_parms(width, 1));
                let mask = ExternalStream {
                    dict: mask,
                    content: deflate(&predict(&alpha, width as usize, 1))
                        .map_err(|e| e.to_string())?,
                    compress: false,
                };
                dict.insert("SMask".to_string(), DictItem::Stream { stream: mask });
            }
            ExternalStream {
                dict,
                content: deflate(&predict(&rgb, width as usize * 3, 3))
                    .map_err(|e| e.to_string())?,
                compress: false,
            }
        }
    };
    Ok(XObject::External(ExternalXObject {
        stream,
        width: Some(Px(width as usize)),
        height: Some(Px(height as usize)),
        dpi: None,
    }))
}

/// `/DecodeParms` for PNG predictors chosen row by row (`/Predictor 15`).
fn predictor_parms(columns: u32, colors: i64) -> DictItem {
    DictItem::Dict {
        map: BTreeMap::from([
            ("Predictor".to_string(), DictItem::Int(15)),
            ("Colors".to_string(), DictItem::Int(colors)),
            ("BitsPerComponent".to_string(), DictItem::Int(8)),
            ("Columns".to_string(), DictItem::Int(i64::from(columns))),
        ]),
    }
}

fn deflate(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(
        Vec::with_capacity(data.len() / 3),
        Compression::new(IMAGE_DEFLATE_LEVEL),
    );
    encoder.write_all(data)?;
    encoder.finish()
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// PNG filter types used: None, Sub, Up and Paeth. Average (3) is left out: lopdf 0.44 decodes it
/// wrongly (`a + b / 2`), and leaving it out cost nothing on the images measured (0.1–1.6 % smaller
/// without it).
const FILTERS: [u8; 4] = [0, 1, 2, 4];

/// PNG-filters `data` (rows of `row_len` bytes, `bpp` bytes per pixel): each row is prefixed with
/// the filter type that gives the smallest sum of absolute differences, the usual heuristic of PNG
/// encoders.
fn predict(data: &[u8], row_len: usize, bpp: usize) -> Vec<u8> {
    let zero = vec![0u8; row_len];
    let mut out = Vec::with_capacity(data.len() + data.len() / row_len.max(1));
    let mut candidate = vec![0u8; row_len];
    let mut best = vec![0u8; row_len];
    let mut previous: &[u8] = &zero;
    for row in data.chunks_exact(row_len) {
        let mut best_cost = u64::MAX;
        let mut best_kind = 0u8;
        for kind in FILTERS {
            let mut cost = 0u64;
            for i in 0..row_len {
                let a = if i >= bpp { row[i - bpp] } else { 0 };
                let b = previous[i];
                let predicted = match kind {
                    0 => 0,
                    1 => a,
                    2 => b,
                    _ => paeth(a, b, if i >= bpp { previous[i - bpp] } else { 0 }),
                };
                let value = row[i].wrapping_sub(predicted);
                candidate[i] = value;
                cost += u64::from((value as i8).unsigned_abs());
            }
            if cost < best_cost {
                best_cost = cost;
                best_kind = kind;
                std::mem::swap(&mut best, &mut candidate);
            }
        }
        out.push(best_kind);
        out.extend_from_slice(&best);
        previous = row;
    }
    out
}

/// Checks that `bytes` is a JPEG file PDF viewers decode (baseline, extended sequential or
/// progressive Huffman-coded, 8 bits per sample) with the size and components the image claims.
fn check_jpeg(bytes: &[u8], width: u32, height: u32, components: u8) -> Result<(), String> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err("the JPEG data does not start with a JPEG marker".to_string());
    }
    let truncated = || "the JPEG data ends before its frame header".to_string();
    let mut at = 2;
    loop {
        if *bytes.get(at).ok_or_else(truncated)? != 0xFF {
            return Err(format!("the JPEG data has no marker at byte {at}"));
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at).ok_or_else(truncated)?;
        at += 1;
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue;
        }
        if marker == 0xD9 || marker == 0xDA {
            return Err("the JPEG data has no frame header".to_string());
        }
        let length = match bytes.get(at..at + 2) {
            Some(&[hi, lo]) => usize::from(u16::from_be_bytes([hi, lo])),
            _ => return Err(truncated()),
        };
        if length < 2 {
            return Err(format!(
                "the JPEG data has a bad segment length at byte {at}"
            ));
        }
        let segment = bytes.get(at + 2..at + length).ok_or_else(truncated)?;
        let is_frame = (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker);
        if !is_frame {
            at += length;
            continue;
        }
        if !matches!(marker, 0xC0..=0xC2) {
            return Err(format!(
                "JPEG process SOF{} (lossless, hierarchical or arithmetic-coded) is not supported",
                marker - 0xC0
            ));
        }
        let &[precision, h0, h1, w0, w1, count, ..] = segment else {
            return Err(truncated());
        };
        let (jpeg_width, jpeg_height) =
            (u16::from_be_bytes([w0, w1]), u16::from_be_bytes([h0, h1]));
        if precision != 8 {
            return Err(format!("a {precision}-bit JPEG is not supported"));
        }
        if (u32::from(jpeg_width), u32::from(jpeg_height)) != (width, height) {
            return Err(format!(
                "the JPEG is {jpeg_width} × {jpeg_height} pixels, the image says {width} × {height}"
            ));
        }
        if count != components {
            return Err(format!(
                "the JPEG has {count} colour components, the image says {components}"
            ));
        }
        return Ok(());
    }
}

/// Draws image `id` at `draw`, clipped to `frame` in `clip`'s shape, on a page `height` pt tall:
/// `q`, the clip path, `W n`, then `q cm Do Q` (printpdf's form of an image drawing), and `Q`.
pub(crate) fn draw(
    out: &mut Writer,
    frame: &Rect,
    draw: &Rect,
    clip: Clip,
    id: &XObjectId,
    height: f32,
) {
    out.op(&[], "q");
    // PDF coordinates of the frame: left, bottom, right, top.
    let (x0, y0) = (frame.x, height - frame.y - frame.height);
    let (x1, y1) = (x0 + frame.width, y0 + frame.height);
    let radius = match clip {
        Clip::Rounded(r) => r.min(frame.width / 2.0).min(frame.height / 2.0),
        _ => 0.0,
    };
    match clip {
        Clip::Ellipse => {
            let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let (rx, ry) = (frame.width / 2.0, frame.height / 2.0);
            let (kx, ky) = (KAPPA * rx, KAPPA * ry);
            let mut path = Path::start(out, cx + rx, cy);
            path.curve([cx + rx, cy + ky], [cx + kx, cy + ry], [cx, cy + ry]);
            path.curve([cx - kx, cy + ry], [cx - rx, cy + ky], [cx - rx, cy]);
            path.curve([cx - rx, cy - ky], [cx - kx, cy - ry], [cx, cy - ry]);
            path.curve([cx + kx, cy - ry], [cx + rx, cy - ky], [cx + rx, cy]);
            path.clip();
        }
        Clip::Rounded(_) if radius > 0.0 => {
            let (r, k) = (radius, radius * (1.0 - KAPPA));
            let mut path = Path::start(out, x0 + r, y0);
            path.line(x1 - r, y0);
            path.curve([x1 - k, y0], [x1, y0 + k], [x1, y0 + r]);
            path.line(x1, y1 - r);
            path.curve([x1, y1 - k], [x1 - k, y1], [x1 - r, y1]);
            path.line(x0 + r, y1);
            path.curve([x0 + k, y1], [x0, y1 - k], [x0, y1 - r]);
            path.line(x0, y0 + r);
            path.curve([x0, y0 + k], [x0 + k, y0], [x0 + r, y0]);
            path.clip();
        }
        Clip::Rectangle | Clip::Rounded(_) => {
            let rect = [x0, y0, frame.width, frame.height].map(|v| coord(v).0);
            out.op(&rect, "re");
            out.op(&[], "W");
            out.op(&[], "n");
        }
    }
    // The image fills the unit square, its first row at the top: scaling by the drawing area's
    // size (both positive) and moving to its bottom-left corner draws it upright, unmirrored.
    // printpdf multiplies the two matrices out; so does this, with its arithmetic.
    let scale = CurTransMat::Scale(coord(draw.width).0, coord(draw.height).0);
    let translate = CurTransMat::Translate(coord(draw.x), coord(height - draw.y - draw.height));
    let mut matrix = CurTransMat::Identity.as_array();
    for step in [scale, translate] {
        matrix = CurTransMat::combine_matrix(matrix, step.as_array());
    }
    out.op(&[], "q");
    out.op(&matrix, "cm");
    out.begin();
    out.name(id.0.as_bytes());
    out.end("Do");
    out.op(&[], "Q");
    out.op(&[], "Q");
}

/// A closed path of lines and cubic Bézier curves in PDF coordinates, written as it is drawn;
/// each coordinate rounded to 1/1000 pt.
struct Path<'w> {
    out: &'w mut Writer,
    /// The current point, rounded.
    last: [f32; 2],
}

impl<'w> Path<'w> {
    fn start(out: &'w mut Writer, x: f32, y: f32) -> Path<'w> {
        let last = [coord(x).0, coord(y).0];
        out.op(&last, "m");
        Path { out, last }
    }

    /// A straight line, left out when it would have no length after rounding.
    fn line(&mut self, x: f32, y: f32) {
        let point = [coord(x).0, coord(y).0];
        if point != self.last {
            self.out.op(&point, "l");
            self.last = point;
        }
    }

    fn curve(&mut self, c1: [f32; 2], c2: [f32; 2], end: [f32; 2]) {
        let end = end.map(|v| coord(v).0);
        let [c1, c2] = [c1, c2].map(|p| p.map(|v| coord(v).0));
        self.out
            .op(&[c1[0], c1[1], c2[0], c2[1], end[0], end[1]], "c");
        self.last = end;
    }

    /// The path closed (`h`) and made the clipping path (`W n`, non-zero winding).
    fn clip(self) {
        self.out.op(&[], "h");
        self.out.op(&[], "W");
        self.out.op(&[], "n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u16, height: u16, components: u8, sof: u8) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46];
        bytes.extend([0xFF, sof, 0x00, 8 + 3 * components, 8]);
        bytes.extend(height.to_be_bytes());
        bytes.extend(width.to_be_bytes());
        bytes.push(components);
        for c in 0..components {
            bytes.extend([c + 1, 0x11, 0]);
        }
        bytes.extend([0xFF, 0xDA]);
        bytes
    }

    #[test]
    fn jpeg_frame_headers_are_checked() {
        assert_eq!(check_jpeg(&jpeg(30, 40, 3, 0xC0), 30, 40, 3), Ok(()));
        assert_eq!(check_jpeg(&jpeg(30, 40, 1, 0xC2), 30, 40, 1), Ok(()));
        assert!(check_jpeg(&jpeg(30, 40, 3, 0xC0), 40, 30, 3).is_err());
        assert!(check_jpeg(&jpeg(30, 40, 3, 0xC0), 30, 40, 1).is_err());
        assert!(check_jpeg(&jpeg(30, 40, 3, 0xC3), 30, 40, 3).is_err());
        assert!(check_jpeg(&jpeg(30, 40, 3, 0xC9), 30, 40, 3).is_err());
        assert!(check_jpeg(b"\x89PNG\r\n", 30, 40, 3).is_err());
        let header = jpeg(30, 40, 3, 0xC0);
        for cut in 0..header.len() - 2 {
            assert!(
                check_jpeg(&header[..cut], 30, 40, 3).is_err(),
                "cut at {cut}"
            );
        }
    }

    /// Undoes [`predict`], the way a PDF reader does.
    fn unpredict(data: &[u8], row_len: usize, bpp: usize) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::new();
        for (r, row) in data.chunks_exact(row_len + 1).enumerate() {
            let start = out.len();
            for i in 0..row_len {
                let a = if i >= bpp { out[start + i - bpp] } else { 0 };
                let b = if r > 0 { out[start - row_len + i] } else { 0 };
                let c = if r > 0 && i >= bpp {
                    out[start - row_len + i - bpp]
                } else {
                    0
                };
                let predicted = match row[0] {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                    4 => paeth(a, b, c),
                    kind => panic!("filter type {kind}"),
                };
                out.push(row[1 + i].wrapping_add(predicted));
            }
        }
        out
    }

    #[test]
    fn predictors_round_trip_and_are_all_used() {
        let (width, height, bpp) = (37, 23, 3);
        let mut data = Vec::new();
        for y in 0..height {
            for x in 0..width {
                let noise = ((x * 7919 + y * 104_729) % 251) as u8;
                data.extend([
                    (x * 6) as u8,
                    (y * 11) as u8,
                    if y % 5 == 0 { noise } else { (x + y) as u8 },
                ]);
            }
        }
        let predicted = predict(&data, width * bpp, bpp);
        assert_eq!(predicted.len(), data.len() + height);
        assert_eq!(unpredict(&predicted, width * bpp, bpp), data);
        let kinds: std::collections::BTreeSet<u8> = predicted
            .chunks_exact(width * bpp + 1)
            .map(|row| row[0])
            .collect();
        assert!(kinds.len() >= 2, "{kinds:?}");
        assert!(kinds.iter().all(|k| FILTERS.contains(k)), "{kinds:?}");
    }
}
