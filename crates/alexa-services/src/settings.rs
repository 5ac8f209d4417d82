//! Device settings, device address and customer profile: read-only calls, each with the
//! permission it needs (settings need none).

use crate::{Alexa, ApiError};
use serde::Deserialize;

/// `read::alexa:device:all:address`.
pub(crate) const FULL_ADDRESS: &str = "read::alexa:device:all:address";
/// `read::alexa:device:all:address:country_and_postal_code`.
pub(crate) const COUNTRY_AND_POSTAL_CODE: &str =
    "read::alexa:device:all:address:country_and_postal_code";
const NAME: &str = "alexa::profile:name:read";
const GIVEN_NAME: &str = "alexa::profile:given_name:read";
const EMAIL: &str = "alexa::profile:email:read";
const MOBILE_NUMBER: &str = "alexa::profile:mobile_number:read";

/// `System.distanceUnits`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DistanceUnit {
    /// Kilometres.
    Metric,
    /// Miles.
    Imperial,
}

/// `System.temperatureUnit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemperatureUnit {
    /// Degrees Celsius.
    Celsius,
    /// Degrees Fahrenheit.
    Fahrenheit,
}

/// A device's address; the country-and-postal-code call fills only those two.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// First line.
    pub address_line1: Option<String>,
    /// Second line.
    pub address_line2: Option<String>,
    /// Third line.
    pub address_line3: Option<String>,
    /// e.g. `DE`.
    pub country_code: Option<String>,
    /// State or region.
    pub state_or_region: Option<String>,
    /// City.
    pub city: Option<String>,
    /// District or county.
    pub district_or_county: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
}

/// A mobile number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    /// e.g. `+49`.
    pub country_code: Option<String>,
    /// The number.
    pub phone_number: Option<String>,
}

impl Alexa {
    /// The device's time zone, e.g. `Europe/Berlin` (no permission needed).
    pub async fn time_zone(&self) -> Result<String, ApiError> {
        let device = self.device()?;
        self.get(
            &format!("/v2/devices/{device}/settings/System.timeZone"),
            None,
        )
        .await
    }

    /// Whether the device speaks kilometres or miles (no permission needed).
    pub async fn distance_units(&self) -> Result<DistanceUnit, ApiError> {
        let device = self.device()?;
        self.get(
            &format!("/v2/devices/{device}/settings/System.distanceUnits"),
            None,
        )
        .await
    }

    /// Whether the device speaks Celsius or Fahrenheit (no permission needed).
    pub async fn temperature_unit(&self) -> Result<TemperatureUnit, ApiError> {
        let device = self.device()?;
        self.get(
            &format!("/v2/devices/{device}/settings/System.temperatureUnit"),
            None,
        )
        .await
    }

    /// The device's full address (permission `read::alexa:device:all:address`).
    pub async fn address(&self) -> Result<Address, ApiError> {
        let device = self.device()?;
        self.get(
            &format!("/v1/devices/{device}/settings/address"),
            Some(FULL_ADDRESS),
        )
        .await
    }

    /// The device's country and postal code (permission
    /// `read::alexa:device:all:address:country_and_postal_code`).
    pub async fn country_and_postal_code(&self) -> Result<Address, ApiError> {
        let device = self.device()?;
        let path = format!("/v1/devices/{device}/settings/address/countryAndPostalCode");
        self.get(&path, Some(COUNTRY_AND_POSTAL_CODE)).await
    }

    /// The customer's full name (permission `alexa::profile:name:read`).
    pub async fn full_name(&self) -> Result<String, ApiError> {
        self.get("/v2/accounts/~current/settings/Profile.name", Some(NAME))
            .await
    }

    /// The customer's given name (permission `alexa::profile:given_name:read`).
    pub async fn given_name(&self) -> Result<String, ApiError> {
        self.get(
            "/v2/accounts/~current/settings/Profile.givenName",
            Some(GIVEN_NAME),
        )
        .await
    }

    /// The customer's email address (permission `alexa::profile:email:read`).
    pub async fn email(&self) -> Result<String, ApiError> {
        self.get("/v2/accounts/~current/settings/Profile.email", Some(EMAIL))
            .await
    }

    /// The customer's mobile number (permission `alexa::profile:mobile_number:read`).
    pub async fn mobile_number(&self) -> Result<PhoneNumber, ApiError> {
        let path = "/v2/accounts/~current/settings/Profile.mobileNumber";
        self.get(path, Some(MOBILE_NUMBER)).await
    }
}
