//! `site.yaml`: the settings of one site.

use crate::model::dates::DateConventions;
use crate::model::diagnostics::Diagnostic;
use crate::model::yaml::{self, Field, Shape};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Da,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }
    pub fn date_lang(self) -> crate::model::dates::Lang {
        match self {
            Language::Da => crate::model::dates::Lang::Da,
            Language::En => crate::model::dates::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct SiteContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub url: Option<String>,
}

/// The licence the site's open data is published under (`licence:` in `site.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Licence {
    /// Its name as readers know it, e.g. `CC BY 4.0`.
    pub name: String,
    /// The address of the licence text, e.g. `https://creativecommons.org/licenses/by/4.0/`.
    pub url: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub language: Language,
    pub base_url: String,
    pub organisation: Option<String>,
    pub description: Option<String>,
    pub contact: Option<SiteContact>,
    /// The licence of the open data (the JSON API, the catalogue).
    pub licence: Option<Licence>,
    /// A theme folder, relative to the site root; the built-in default theme if unset.
    pub theme: Option<String>,
    #[serde(default = "default_min_hearing_days")]
    pub min_hearing_days: u32,
    /// Time zone for deadlines and the build date (IANA name).
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub dates: DateConventions,
    /// Slug of the page holding the accessibility statement, linked from every footer.
    pub accessibility_page: Option<String>,
}

fn default_min_hearing_days() -> u32 {
    28
}
fn default_timezone() -> String {
    "Europe/Copenhagen".into()
}

const CONTACT_FIELDS: &[Field] = &[
    Field::leaf("name"),
    Field::leaf("email"),
    Field::leaf("phone"),
    Field::leaf("address"),
    Field::leaf("url"),
];

const LICENCE_FIELDS: &[Field] = &[Field::leaf("name"), Field::leaf("url")];

pub const SITE_FIELDS: &[Field] = &[
    Field::leaf("title"),
    Field::leaf("language"),
    Field::leaf("base_url"),
    Field::leaf("organisation"),
    Field::leaf("description"),
    Field::map("contact", CONTACT_FIELDS),
    Field::map("licence", LICENCE_FIELDS),
    Field::leaf("theme"),
    Field::leaf("min_hearing_days"),
    Field::leaf("timezone"),
    Field::leaf("dates"),
    Field::leaf("accessibility_page"),
];

pub const FILE_NAME: &str = "site.yaml";

impl SiteConfig {
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![
                Diagnostic::error(FILE_NAME, format!("cannot read the site settings: {e}")).help(
                    "every site needs a `site.yaml` in its root folder; `planpub init` creates one",
                ),
            ]
        })?;
        Self::from_text(&text)
    }

    pub fn from_text(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let src = yaml::Source {
            text,
            file: FILE_NAME,
            first_line: 1,
        };
        let value = yaml::parse_value(&src).map_err(|d| vec![d])?;
        let mut diags = yaml::check_fields(&src, &value, &Shape::Map(SITE_FIELDS));
        let cfg: Option<SiteConfig> = match yaml::from_value(&src, value) {
            Ok(c) => Some(c),
            Err(d) => {
                diags.push(d);
                None
            }
        };
        if let Some(cfg) = &cfg {
            let key = |k: &str| [yaml::PathSeg::Key(k.into())];
            if !(cfg.base_url.starts_with("https://") || cfg.base_url.starts_with("http://")) {
                diags.push(
                    src.error(&key("base_url"), format!("\"{}\" is not a web address", cfg.base_url))
                        .help("write the full address of the published site, for example `https://planer.example.dk/`"),
                );
            }
            if let Some(l) = &cfg.licence
                && !(l.url.starts_with("https://") || l.url.starts_with("http://"))
            {
                diags.push(
                    src.error(
                        &[yaml::PathSeg::Key("licence".into()), yaml::PathSeg::Key("url".into())],
                        format!("\"{}\" is not a web address", l.url),
                    )
                    .help("give the address of the licence text, for example `https://creativecommons.org/licenses/by/4.0/`"),
                );
            }
            if cfg.timezone.parse::<chrono_tz::Tz>().is_err() {
                diags.push(
                    src.error(
                        &key("timezone"),
                        format!("\"{}\" is not a known time zone", cfg.timezone),
                    )
                    .help("use an IANA name such as `Europe/Copenhagen`"),
                );
            }
        }
        match cfg {
            Some(mut cfg) if diags.is_empty() => {
                if !cfg.base_url.ends_with('/') {
                    cfg.base_url.push('/');
                }
                Ok(cfg)
            }
            _ => Err(diags),
        }
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone
            .parse()
            .unwrap_or(chrono_tz::Europe::Copenhagen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = SiteConfig::from_text("title: T\nbase_url: https://x.dk\n").unwrap();
        assert_eq!(c.base_url, "https://x.dk/");
        assert_eq!(c.language, Language::Da);
        assert_eq!(c.min_hearing_days, 28);
    }

    #[test]
    fn licence_is_read_and_its_address_checked() {
        let c = SiteConfig::from_text(
            "title: T\nbase_url: https://x.dk\nlicence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n",
        )
        .unwrap();
        assert_eq!(c.licence.unwrap().name, "CC BY 4.0");
        let e = SiteConfig::from_text(
            "title: T\nbase_url: https://x.dk\nlicence:\n  name: CC BY 4.0\n  url: cc-by\n",
        )
        .unwrap_err();
        assert_eq!(e[0].line, Some(5), "{e:?}");
    }

    #[test]
    fn misspelt_setting_is_named_with_suggestion() {
        let e =
            SiteConfig::from_text("title: T\nbase_url: https://x.dk/\nlangauge: en\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, Some(3));
        assert_eq!(e[0].help.as_deref(), Some("did you mean `language`?"));
    }
}
