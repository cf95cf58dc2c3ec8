//! `site.yaml`: the settings of one site.

use crate::messages::Key;
use crate::model::dates::DateConventions;
use crate::model::diagnostics::{Diagnostic, Severity};
use crate::model::web::{Email, WebUrl, blank_as_none};
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
    #[serde(default, deserialize_with = "blank_as_none")]
    pub email: Option<Email>,
    pub phone: Option<String>,
    pub address: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub url: Option<WebUrl>,
}

/// What a hearing's respond block says about the personal data in a response.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct PrivacySettings {
    /// The notice itself; the theme's default text if unset.
    pub text: Option<String>,
    /// The slug of a page on the site with the full privacy notice.
    pub page: Option<String>,
    /// Or the address of the organisation's privacy notice elsewhere.
    #[serde(default, deserialize_with = "blank_as_none")]
    pub url: Option<WebUrl>,
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
    /// The privacy notice shown where citizens respond to a hearing.
    #[serde(default)]
    pub privacy: PrivacySettings,
    /// File types (extensions) a browser runs, such as `svg`, that the site still
    /// publishes as attachments: see [`crate::model::attachments`].
    #[serde(default)]
    pub allow_active_attachments: Vec<String>,
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

const PRIVACY_FIELDS: &[Field] = &[Field::leaf("text"), Field::leaf("page"), Field::leaf("url")];
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
    Field::map("privacy", PRIVACY_FIELDS),
    Field::leaf("allow_active_attachments"),
];

pub const FILE_NAME: &str = "site.yaml";

/// A refused site address, with the help for `base_url`.
fn base_url_key(e: &crate::model::web::UrlError) -> Key {
    let mut k = e.key();
    k.help = Some(Box::new(Key::new("base-url-help")));
    k
}

impl SiteConfig {
    pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join(FILE_NAME);
        let bytes = std::fs::read(&path).map_err(|e| {
            let key = match e.kind() {
                std::io::ErrorKind::NotFound => {
                    Key::new("site-yaml-missing").arg("dir", root.display().to_string())
                }
                std::io::ErrorKind::IsADirectory => Key::new("site-yaml-folder"),
                _ => Key::new("site-yaml-unreadable").sub("reason", crate::messages::io_reason(&e)),
            };
            vec![Diagnostic::keyed(Severity::Error, FILE_NAME, key)]
        })?;
        let text =
            crate::model::content::parse::utf8_text(FILE_NAME, bytes).map_err(|d| vec![d])?;
        // Windows editors start UTF-8 files with a byte-order mark; YAML would read it
        // as the start of a second document.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let cfg = Self::from_text(text)?;
        cfg.check_theme_inside(root, text).map_err(|d| vec![d])?;
        Ok(cfg)
    }

    /// A theme folder must be inside the site folder, also after following links: its
    /// `static/` files are published as the site's own.
    fn check_theme_inside(&self, root: &Path, text: &str) -> Result<(), Diagnostic> {
        let Some(theme) = &self.theme else {
            return Ok(());
        };
        let dir = root.join(theme);
        let inside = match (dir.canonicalize(), root.canonicalize()) {
            (Ok(d), Ok(r)) => d.starts_with(r),
            _ => return Ok(()), // a missing folder is reported with the theme
        };
        if inside {
            return Ok(());
        }
        let src = yaml::Source {
            text,
            file: FILE_NAME,
            first_line: 1,
        };
        Err(src.keyed(
            Severity::Error,
            &[yaml::PathSeg::Key("theme".into())],
            Key::new("theme-outside")
                .arg("theme", theme)
                .with_help(Key::new("theme-help")),
        ))
    }

    pub fn from_text(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let src = yaml::Source {
            text,
            file: FILE_NAME,
            first_line: 1,
        };
        let value = yaml::parse_value(&src)?;
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
            if let Err(e) = crate::model::web::base_url(&cfg.base_url) {
                diags.push(src.keyed(Severity::Error, &key("base_url"), base_url_key(&e)));
            }
            if cfg.title.trim().is_empty() {
                diags.push(src.keyed(Severity::Error, &key("title"), Key::new("site-no-title")));
            }
            if let Some(theme) = &cfg.theme
                && let Err(why) = crate::model::content::parse::safe_relative(theme)
            {
                let k = Key::new("theme-unsafe")
                    .arg("theme", theme)
                    .sub("why", Key::new(why))
                    .with_help(Key::new("theme-help"));
                diags.push(src.keyed(Severity::Error, &key("theme"), k));
            }
            if cfg.privacy.page.is_some() && cfg.privacy.url.is_some() {
                diags.push(src.keyed(Severity::Error, &key("privacy"), Key::new("privacy-both")));
            }
            if let Some(l) = &cfg.licence
                && !(l.url.starts_with("https://") || l.url.starts_with("http://"))
            {
                diags.push(src.keyed(
                    Severity::Error,
                    &[
                        yaml::PathSeg::Key("licence".into()),
                        yaml::PathSeg::Key("url".into()),
                    ],
                    Key::new("licence-url").arg("url", l.url.as_str()),
                ));
            }
            if cfg.timezone.parse::<chrono_tz::Tz>().is_err() {
                diags.push(src.keyed(
                    Severity::Error,
                    &key("timezone"),
                    Key::new("timezone-unknown").arg("zone", cfg.timezone.as_str()),
                ));
            }
        }
        match cfg {
            Some(mut cfg) if diags.is_empty() => {
                cfg.base_url = crate::model::web::base_url(&cfg.base_url).unwrap_or(cfg.base_url);
                Ok(cfg)
            }
            _ => Err(diags),
        }
    }

    /// The settings with another public address (`--base-url`), checked like `base_url`.
    pub fn with_base_url(mut self, url: &str) -> Result<SiteConfig, Diagnostic> {
        self.base_url = crate::model::web::base_url(url)
            .map_err(|e| Diagnostic::keyed(Severity::Error, "--base-url", base_url_key(&e)))?;
        Ok(self)
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
    fn privacy_notice_links_one_place() {
        let c = SiteConfig::from_text(
            "title: T\nbase_url: https://x.dk\nprivacy:\n  text: Vi passer på dine data.\n  url: https://x.dk/persondata\n",
        )
        .unwrap();
        assert_eq!(c.privacy.text.as_deref(), Some("Vi passer på dine data."));
        assert_eq!(
            c.privacy.url.unwrap().to_string(),
            "https://x.dk/persondata"
        );
        let e = SiteConfig::from_text(
            "title: T\nbase_url: https://x.dk\nprivacy:\n  page: persondata\n  url: https://x.dk/p\n",
        )
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, Some(3));
        let e = SiteConfig::from_text("title: T\nbase_url: https://x.dk\nprivacy:\n  side: p\n")
            .unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("privacy.side"));
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
