//! The XMP metadata packet: the document information again, in the form PDF/A and PDF/UA read
//! it, plus the parts of those standards the file claims. Every value equals its counterpart in
//! the `/Info` dictionary, as PDF/A requires.

use super::standard::{Archive, Standard};

/// What the packet says.
pub(crate) struct Packet<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    pub keywords: &'a str,
    pub creator: &'a str,
    pub producer: &'a str,
    /// `YYYY-MM-DDThh:mm:ss+00:00`, the creation and modification date.
    pub date: &'a str,
    pub language: Option<&'a str>,
    /// The standards claimed (none when the document could not meet the one asked for).
    pub claims: Standard,
}

/// `text` escaped for XML character data and attribute values; characters XML 1.0 cannot hold
/// (most control characters) are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The declaration PDF/A asks for of every schema it does not know, here PDF/UA's.
const PDFUA_EXTENSION: &str = r#"   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
"#;

impl Packet<'_> {
    /// The packet as UTF-8 XML.
    pub fn to_xml(&self) -> String {
        let mut x = String::with_capacity(2048);
        x.push_str("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.push_str(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.push_str("  <rdf:Description rdf:about=\"\"");
        for (prefix, uri) in [
            ("dc", "http://purl.org/dc/elements/1.1/"),
            ("xmp", "http://ns.adobe.com/xap/1.0/"),
            ("pdf", "http://ns.adobe.com/pdf/1.3/"),
            ("pdfaid", "http://www.aiim.org/pdfa/ns/id/"),
            ("pdfuaid", "http://www.aiim.org/pdfua/ns/id/"),
            ("pdfaExtension", "http://www.aiim.org/pdfa/ns/extension/"),
            ("pdfaSchema", "http://www.aiim.org/pdfa/ns/schema#"),
            ("pdfaProperty", "http://www.aiim.org/pdfa/ns/property#"),
        ] {
            x.push_str(&format!("\n    xmlns:{prefix}=\"{uri}\""));
        }
        x.push_str(">\n");
        x.push_str("   <dc:format>application/pdf</dc:format>\n");
        let alt = |name: &str, value: &str| {
            format!(
                "   <dc:{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:{name}>\n",
                escape(value)
            )
        };
        let simple = |name: &str, value: &str| format!("   <{name}>{}</{name}>\n", escape(value));
        if !self.title.is_empty() {
            x.push_str(&alt("title", self.title));
        }
        if !self.author.is_empty() {
            x.push_str(&format!(
                "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
                escape(self.author)
            ));
        }
        if !self.subject.is_empty() {
            x.push_str(&alt("description", self.subject));
        }
        if let Some(language) = self.language {
            x.push_str(&format!(
                "   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
                escape(language)
            ));
        }
        if !self.keywords.is_empty() {
            x.push_str(&simple("pdf:Keywords", self.keywords));
        }
        x.push_str(&simple("pdf:Producer", self.producer));
        x.push_str(&simple("xmp:CreatorTool", self.creator));
        for name in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
            x.push_str(&simple(name, self.date));
        }
        if let Some(archive) = self.claims.archive {
            let level = match archive {
                Archive::A2a => "A",
                Archive::A2b => "B",
            };
            x.push_str("   <pdfaid:part>2</pdfaid:part>\n");
            x.push_str(&format!(
                "   <pdfaid:conformance>{level}</pdfaid:conformance>\n"
            ));
        }
        if self.claims.ua1 {
            x.push_str("   <pdfuaid:part>1</pdfuaid:part>\n");
            if self.claims.archive.is_some() {
                x.push_str(PDFUA_EXTENSION);
            }
        }
        x.push_str("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_claims_named() {
        let packet = Packet {
            title: "Ann <& Bob>",
            author: "Ann",
            subject: "",
            keywords: "a, b",
            creator: "resumepdf",
            producer: "resumepdf",
            date: "2000-01-01T00:00:00+00:00",
            language: Some("en"),
            claims: Standard::default(),
        };
        let xml = packet.to_xml();
        assert!(xml.contains("x-default\">Ann &lt;&amp; Bob&gt;</rdf:li>"));
        assert!(xml.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(xml.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
        assert!(xml.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xml.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
        assert!(!xml.contains("dc:description"));
        let unclaimed = Packet {
            claims: Standard::NONE,
            ..packet
        }
        .to_xml();
        assert!(!unclaimed.contains("<pdfaid:part>"));
        assert!(!unclaimed.contains("<pdfuaid:part>"));
    }
}
