//! What the renderer needs beyond the schema: a name, an image it can use.

use serde_json::Value;

use crate::model;

/// Warnings about what the renderer will leave out that the model does not report: (path, message).
pub(super) fn renderer_findings(resume: &model::Resume, value: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if resume.basics.name.is_none() {
        found.push((
            "$.basics.name".to_string(),
            "no name is given: the PDF will have no name at the top or in the page footers"
                .to_string(),
        ));
    }
    if let Some(image) = resume.basics.image.as_deref()
        && is_remote(image)
    {
        // The key the model took the image from (`image`, or a pre-1.0 `picture`).
        let path = [
            ("basics", "image"),
            ("basics", "picture"),
            ("bio", "image"),
            ("bio", "picture"),
        ]
        .into_iter()
        .find(|(section, key)| {
            value[section][key]
                .as_str()
                .is_some_and(|s| s.trim() == image)
        })
        .map_or_else(
            || "$.basics.image".to_string(),
            |(section, key)| format!("$.{section}.{key}"),
        );
        found.push((
            path,
            format!(
                "{} is a web address; images are not downloaded, so the photo will be skipped \
                 (give the path of a JPEG or PNG file instead)",
                super::messages::quote(image)
            ),
        ));
    }
    found
}

/// Whether an image reference is a URL (`https://…`, `data:…`, `//host/…`) rather than a file path.
/// One-letter schemes are not schemes but drive letters (`C:\photo.jpg`).
fn is_remote(image: &str) -> bool {
    if image.starts_with("//") {
        return true;
    }
    image.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_images() {
        for remote in [
            "https://x.org/me.jpg",
            "HTTP://x",
            "data:image/png;base64,AAA",
            "//cdn/x.png",
        ] {
            assert!(is_remote(remote), "{remote}");
        }
        for local in [
            "me.jpg",
            "photos/me.png",
            "C:\\photos\\me.jpg",
            "/home/me/me.jpg",
        ] {
            assert!(!is_remote(local), "{local}");
        }
    }
}
