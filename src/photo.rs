//! Loading the resume photo (`basics.image`): a local JPEG or PNG file, never a download.
//!
//! JPEGs are embedded unchanged; PNGs are decoded to RGBA so their transparency survives. Files
//! that are missing, unreadable, corrupt or too large give a warning and the PDF renders without a
//! photo.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::style::{Image, ImageData};

/// Largest photo file read, in bytes.
pub const MAX_FILE_BYTES: u64 = crate::read::PHOTO.max_bytes;
/// Largest photo width or height, in pixels.
pub const MAX_SIDE: u32 = 8000;
/// Most memory decoding a photo may take, in bytes. Decoding, the conversion to RGBA and an EXIF
/// rotation hold up to two RGBA copies at once, so a photo is decoded only when twice its RGBA
/// size fits: 16 megapixels, more than any phone photo has.
pub const MAX_DECODED_BYTES: u64 = 128 * 1024 * 1024;
/// Fewest bytes of JPEG data per pixel, times 1000. A flat, single-colour JPEG needs about one
/// byte per 85 pixels; a file with far less is damaged (its header claims pixels its data lacks,
/// and decoders fill them in silently).
const JPEG_MIN_BYTES_PER_KILOPIXEL: u64 = 1;

/// Why there is no photo, worded for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("$.basics.image: {0}; the PDF is rendered without a photo")]
pub struct PhotoWarning(pub String);

/// Where a photo reference points, resolved against the resume's folder.
pub fn resolve(reference: &str, resume_dir: &Path) -> Result<PathBuf, PhotoWarning> {
    let lower = reference.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//") {
        return Err(PhotoWarning(format!(
            "\"{reference}\" is a web address and the renderer never downloads; save the photo \
             beside the resume and give its file name"
        )));
    }
    if lower.starts_with("data:") {
        return Err(PhotoWarning(
            "data: URIs are not read; save the photo as a JPEG or PNG file beside the resume"
                .to_string(),
        ));
    }
    let path = Path::new(reference.trim().trim_start_matches("file://"));
    Ok(if path.is_absolute() {
        path.to_path_buf()
    } else {
        resume_dir.join(path)
    })
}

/// Reads the photo file's bytes: regular files only (not folders, devices or pipes), refusing
/// files over [`MAX_FILE_BYTES`] without reading them.
pub fn read(path: &Path) -> Result<Vec<u8>, PhotoWarning> {
    let shown = path.display();
    crate::read::read_file(path, crate::read::PHOTO).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidInput => PhotoWarning(format!("{shown} is not a regular file")),
        std::io::ErrorKind::InvalidData => PhotoWarning(format!(
            "{shown} is over {} MB; photos that large are not embedded",
            MAX_FILE_BYTES / (1000 * 1000)
        )),
        _ => PhotoWarning(format!("cannot read {shown}: {e}")),
    })
}

/// Turns photo file bytes into an embeddable image: JPEG passed through, PNG decoded to RGBA.
pub fn decode(bytes: Vec<u8>, shown: &str) -> Result<Arc<Image>, PhotoWarning> {
    let corrupt = |e: &dyn std::fmt::Display| {
        PhotoWarning(format!("{shown} cannot be read as an image: {e}"))
    };
    let format = image::guess_format(&bytes).map_err(|e| corrupt(&e))?;
    if matches!(format, ImageFormat::Jpeg | ImageFormat::Png) {
        check_size(&bytes, format, shown)?;
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    match format {
        ImageFormat::Jpeg => {
            if !jpeg_is_complete(&bytes) {
                return Err(PhotoWarning(format!(
                    "{shown} cannot be decoded: the JPEG file is cut short (no end-of-image marker)"
                )));
            }
            // Decode once to prove the file is whole; embed the original bytes when the PDF can
            // carry them as they are (upright, 1 or 3 components, a frame type PDF readers know).
            let (checked, upright) = rgba(bytes.clone(), format, limits, shown)?;
            let passthrough = jpeg_components(&bytes)
                .filter(|c| upright && matches!(c, 1 | 3))
                .map(|components| Image {
                    width: checked.width,
                    height: checked.height,
                    data: ImageData::Jpeg { bytes, components },
                })
                .filter(|image| crate::pdf::check_image(image).is_ok());
            Ok(Arc::new(passthrough.unwrap_or(checked)))
        }
        ImageFormat::Png => rgba(bytes, format, limits, shown).map(|(image, _)| Arc::new(image)),
        other => Err(PhotoWarning(format!(
            "{shown} is a {other:?} image; use a JPEG or PNG file"
        ))),
    }
}

/// Refuses, before anything is decoded, a photo whose header promises more pixels than
/// [`MAX_DECODED_BYTES`] allows, or a JPEG with far too little data for its pixels.
fn check_size(bytes: &[u8], format: ImageFormat, shown: &str) -> Result<(), PhotoWarning> {
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| PhotoWarning(format!("{shown} cannot be decoded: {e}")))?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels * 8 > MAX_DECODED_BYTES {
        return Err(PhotoWarning(format!(
            "{shown} is {width}×{height} pixels; photos over {} megapixels are not decoded \
             (a resume photo needs well under 1): scale it down",
            MAX_DECODED_BYTES / 8 / 1_000_000
        )));
    }
    if format == ImageFormat::Jpeg
        && (bytes.len() as u64) * 1000 < pixels * JPEG_MIN_BYTES_PER_KILOPIXEL
    {
        return Err(PhotoWarning(format!(
            "{shown} is damaged: its header says {width}×{height} pixels but it holds only {} \
             bytes of image data",
            bytes.len()
        )));
    }
    Ok(())
}

/// Decodes to 8-bit RGBA within `limits`, turned upright as its EXIF orientation says; also says
/// whether the file was upright already.
fn rgba(
    bytes: Vec<u8>,
    format: ImageFormat,
    limits: Limits,
    shown: &str,
) -> Result<(Image, bool), PhotoWarning> {
    let fail = |e: image::ImageError| PhotoWarning(format!("{shown} cannot be decoded: {e}"));
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(fail)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut decoded = DynamicImage::from_decoder(decoder).map_err(fail)?;
    decoded.apply_orientation(orientation);
    let decoded = decoded.into_rgba8();
    let image = Image {
        width: decoded.width(),
        height: decoded.height(),
        data: ImageData::Rgba8(decoded.into_raw()),
    };
    Ok((image, orientation == Orientation::NoTransforms))
}

/// Whether a JPEG ends with its end-of-image marker (trailing zero padding allowed).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    end >= 4 && bytes[end - 2..end] == [0xFF, 0xD9]
}

/// The number of colour components in a JPEG's frame header (SOF marker), if it has one.
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            return bytes.get(at + 9).copied();
        }
        at += 2 + length;
    }
    None
}

/// Loads the photo a resume names: `Ok(None)` when it names none.
pub fn load(
    reference: Option<&str>,
    resume_dir: &Path,
) -> Result<Option<Arc<Image>>, PhotoWarning> {
    let Some(reference) = reference.filter(|r| !r.trim().is_empty()) else {
        return Ok(None);
    };
    let path = resolve(reference, resume_dir)?;
    let bytes = read(&path)?;
    decode(bytes, &path.display().to_string()).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_jpeg() -> Vec<u8> {
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/with-photo.jpg"))
            .expect("sample photo")
    }

    #[test]
    fn a_jpeg_passes_through_unchanged() {
        let bytes = sample_jpeg();
        let image = decode(bytes.clone(), "with-photo.jpg").unwrap();
        assert_eq!((image.width, image.height), (300, 375));
        assert_eq!(
            image.data,
            ImageData::Jpeg {
                bytes,
                components: 3
            }
        );
    }

    #[test]
    fn a_rotated_phone_photo_is_turned_upright() {
        // An EXIF block saying "rotate 90° clockwise to view" (orientation 6), after the SOI marker.
        let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
        exif.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
        let mut jpeg = sample_jpeg();
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
        segment.extend_from_slice(&exif);
        jpeg.splice(2..2, segment);
        let image = decode(jpeg, "phone.jpg").unwrap();
        assert_eq!((image.width, image.height), (375, 300), "turned upright");
        assert!(
            matches!(image.data, ImageData::Rgba8(_)),
            "re-encoded, not passed through"
        );
    }

    #[test]
    fn web_addresses_and_broken_files_are_warnings() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let web = load(Some("https://example.com/me.jpg"), dir)
            .map(|_| ())
            .unwrap_err();
        assert!(web.to_string().contains("never downloads"), "{web}");
        let missing = load(Some("nowhere/me.jpg"), dir).map(|_| ()).unwrap_err();
        assert!(missing.to_string().contains("cannot read"), "{missing}");
        let not_image = load(Some("Cargo.toml"), dir).map(|_| ()).unwrap_err();
        assert!(
            not_image.to_string().contains("cannot be read as an image"),
            "{not_image}"
        );
        let mut truncated = sample_jpeg();
        truncated.truncate(truncated.len() / 2);
        let cut = decode(truncated, "cut.jpg").map(|_| ()).unwrap_err();
        assert!(
            cut.to_string().contains("cut.jpg cannot be decoded"),
            "{cut}"
        );
        assert_eq!(load(None, dir), Ok(None));
    }

    #[test]
    fn a_huge_png_is_refused_by_the_limits() {
        let mut png = Vec::new();
        let encoder = image::codecs::png::PngEncoder::new(&mut png);
        let row = vec![0u8; 3];
        image::ImageEncoder::write_image(encoder, &row, 1, 1, image::ExtendedColorType::Rgb8)
            .unwrap();
        // Patch the IHDR width to 100 000 px: the decoder must refuse before allocating.
        png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        let err = decode(png, "huge.png").map(|_| ()).unwrap_err();
        assert!(err.to_string().contains("cannot"), "{err}");
    }

    /// A valid PNG of `side`×`side` black RGB pixels, compressed row by row (never held whole).
    fn black_png(side: u32) -> Vec<u8> {
        use std::io::Write;
        let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
            png.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            png.extend_from_slice(kind);
            png.extend_from_slice(data);
            png.extend_from_slice(&crc.sum().to_be_bytes());
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = Vec::new();
        header.extend_from_slice(&side.to_be_bytes());
        header.extend_from_slice(&side.to_be_bytes());
        header.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(&mut png, b"IHDR", &header);
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let row = vec![0u8; 1 + side as usize * 3];
        for _ in 0..side {
            zlib.write_all(&row).unwrap();
        }
        chunk(&mut png, b"IDAT", &zlib.finish().unwrap());
        chunk(&mut png, b"IEND", &[]);
        png
    }

    #[test]
    fn a_png_of_too_many_pixels_is_refused_before_decoding() {
        let png = black_png(7999);
        assert!(png.len() < 400_000, "a small file: {} bytes", png.len());
        let err = decode(png, "big.png").map(|_| ()).unwrap_err();
        assert!(
            err.to_string()
                .contains("big.png is 7999×7999 pixels; photos over 16 megapixels"),
            "{err}"
        );
        // A modest PNG of the same kind still decodes.
        assert!(decode(black_png(600), "ok.png").is_ok());
    }

    /// A 16×16 JPEG whose frame header is patched to claim `side`×`side` pixels.
    fn lying_jpeg(side: u16) -> Vec<u8> {
        let mut jpeg = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80);
        let pixels = vec![128u8; 16 * 16 * 3];
        image::ImageEncoder::write_image(encoder, &pixels, 16, 16, image::ExtendedColorType::Rgb8)
            .unwrap();
        let sof = jpeg
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("a baseline frame header");
        jpeg[sof + 5..sof + 7].copy_from_slice(&side.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&side.to_be_bytes());
        jpeg
    }

    #[test]
    fn a_jpeg_claiming_pixels_it_lacks_is_damaged_not_embedded() {
        let err = decode(lying_jpeg(2000), "short.jpg")
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("short.jpg is damaged"), "{err}");
        let err = decode(lying_jpeg(7000), "huge.jpg")
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("7000×7000 pixels"), "{err}");
        assert!(decode(lying_jpeg(16), "fine.jpg").is_ok());
    }
}
