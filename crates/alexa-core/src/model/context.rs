//! `context`: the device, the user, and the state of each interface at request time.

use super::{Application, Lazy, Secret, User};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

/// The `context` object. Every member but `System` is optional, and every member but
/// `System` is [`Lazy`]: kept as JSON until a handler reads it, so a request pays only for the
/// parts its handler uses.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Context {
    /// Application, user, device and API access.
    #[serde(rename = "System", default)]
    pub system: System,
    /// Audio playback state, on devices with the AudioPlayer interface.
    #[serde(rename = "AudioPlayer", default, skip_serializing_if = "Lazy::is_none")]
    pub audio_player: Lazy<Option<AudioPlayerState>>,
    /// The legacy display template state.
    #[serde(rename = "Display", default, skip_serializing_if = "Lazy::is_none")]
    pub display: Lazy<Option<DisplayState>>,
    /// The screen, on devices that have one.
    #[serde(rename = "Viewport", default, skip_serializing_if = "Lazy::is_none")]
    pub viewport: Lazy<Option<Viewport>>,
    /// Every viewport of the device, APL and character displays (APLT).
    #[serde(rename = "Viewports", default, skip_serializing_if = "Lazy::is_none")]
    pub viewports: Lazy<Option<Vec<ViewportDescriptor>>>,
    /// What the APL document on screen shows.
    #[serde(
        rename = "Alexa.Presentation.APL",
        default,
        skip_serializing_if = "Lazy::is_none"
    )]
    pub apl: Lazy<Option<AplState>>,
    /// The device's location, when the user allowed it.
    #[serde(rename = "Geolocation", default, skip_serializing_if = "Lazy::is_none")]
    pub geolocation: Lazy<Option<Geolocation>>,
    /// Available APL extensions, by URI.
    #[serde(rename = "Extensions", default, skip_serializing_if = "Lazy::is_none")]
    pub extensions: Lazy<Option<ExtensionsState>>,
    /// Advertising id and opt-out, for skills that carry ads.
    #[serde(rename = "Advertising", default, skip_serializing_if = "Lazy::is_none")]
    pub advertising: Lazy<Option<Advertising>>,
    /// `Alexa.Presentation`: the presentation contexts on screen.
    #[serde(
        rename = "Alexa.Presentation",
        default,
        skip_serializing_if = "Lazy::is_none"
    )]
    pub presentation: Lazy<Option<PresentationState>>,
    /// `Automotive`: present when the device is in a car.
    #[serde(rename = "Automotive", default, skip_serializing_if = "Lazy::is_none")]
    pub automotive: Lazy<Option<Map<String, Value>>>,
    /// `AppLink`: what the user's phone can open.
    #[serde(rename = "AppLink", default, skip_serializing_if = "Lazy::is_none")]
    pub app_link: Lazy<Option<AppLinkState>>,
    /// `Experimentation`: the A/B experiments this user is in.
    #[serde(
        rename = "Experimentation",
        default,
        skip_serializing_if = "Lazy::is_none"
    )]
    pub experimentation: Lazy<Option<ExperimentationState>>,
    /// `Alexa.DataStore.PackageManager`: the DataStore packages installed on the device.
    #[serde(
        rename = "Alexa.DataStore.PackageManager",
        default,
        skip_serializing_if = "Lazy::is_none"
    )]
    pub package_manager: Lazy<Option<PackageManagerState>>,
}

/// `context.System`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct System {
    /// The skill the request is for; compare with the configured skill ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
    /// The Amazon account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The device; absent on some event requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Device>,
    /// The recognised voice profile, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// The room or organisational unit (Alexa for Business, hospitality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The regional Alexa API host, e.g. `https://api.eu.amazonalexa.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_endpoint: Option<String>,
    /// Bearer token for the Alexa APIs (progressive responses, settings, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_access_token: Option<Secret>,
}

/// `context.System.device`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Device {
    /// Skill-specific device id; some test tools leave it out.
    #[serde(default)]
    pub device_id: String,
    /// The endpoint id used by the Alexa smart-home APIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_endpoint_id: Option<String>,
    /// What the device can do; kept as JSON until read.
    #[serde(default)]
    pub supported_interfaces: Lazy<SupportedInterfaces>,
}

/// The interfaces a device supports. An absent member means "not supported".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SupportedInterfaces {
    /// Long-form audio playback.
    #[serde(
        rename = "AudioPlayer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub audio_player: Option<Map<String, Value>>,
    /// Legacy display templates.
    #[serde(rename = "Display", default, skip_serializing_if = "Option::is_none")]
    pub display: Option<DisplayInterface>,
    /// Video playback.
    #[serde(rename = "VideoApp", default, skip_serializing_if = "Option::is_none")]
    pub video_app: Option<Map<String, Value>>,
    /// Location services.
    #[serde(
        rename = "Geolocation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub geolocation: Option<Map<String, Value>>,
    /// APL screens (Echo Show, Fire TV).
    #[serde(
        rename = "Alexa.Presentation.APL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub apl: Option<PresentationInterface>,
    /// APL for character displays (Echo Dot with clock).
    #[serde(
        rename = "Alexa.Presentation.APLT",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aplt: Option<PresentationInterface>,
    /// HTML web apps on screen devices.
    #[serde(
        rename = "Alexa.Presentation.HTML",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub html: Option<PresentationInterface>,
    /// `Alexa.Advertisement`: the device plays ads in audio streams.
    #[serde(
        rename = "Alexa.Advertisement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advertisement: Option<Map<String, Value>>,
    /// `AppLink`: the skill may open an app on the user's phone.
    #[serde(rename = "AppLink", default, skip_serializing_if = "Option::is_none")]
    pub app_link: Option<Map<String, Value>>,
    /// `Navigation`: the device navigates (in a car).
    #[serde(
        rename = "Navigation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub navigation: Option<Map<String, Value>>,
}

impl SupportedInterfaces {
    /// True when `Alexa.Presentation.APL` documents can be sent to this device.
    pub fn supports_apl(&self) -> bool {
        self.apl.is_some()
    }
}

/// `supportedInterfaces.Display`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DisplayInterface {
    /// Template version, e.g. `"1.0"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_version: Option<String>,
    /// Markup version, e.g. `"1.0"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markup_version: Option<String>,
}

/// `supportedInterfaces["Alexa.Presentation.*"]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresentationInterface {
    /// The runtime's capabilities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<PresentationRuntime>,
}

/// The APL runtime.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PresentationRuntime {
    /// Highest document version the device renders, e.g. `"2023.3"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_version: Option<String>,
}

impl PresentationInterface {
    /// APL as an Echo Show declares it: runtime version 2023.3.
    pub fn echo_show() -> Self {
        Self {
            runtime: Some(PresentationRuntime {
                max_version: Some("2023.3".into()),
            }),
        }
    }
}

/// `context.System.person`: the recognised speaker.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The voice profile id.
    #[serde(default)]
    pub person_id: String,
    /// Person-level account-linking token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Secret>,
}

/// `context.System.unit`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    /// Skill-specific unit id.
    #[serde(default)]
    pub unit_id: String,
    /// Unit id shared across skills of one developer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_unit_id: Option<String>,
}

/// `context.AudioPlayer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AudioPlayerState {
    /// The token of the current stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Position in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset_in_milliseconds: Option<u64>,
    /// `IDLE`, `PLAYING`, `PAUSED`, `FINISHED`, `BUFFER_UNDERRUN`, `STOPPED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub player_activity: Option<String>,
}

/// `context.Display`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DisplayState {
    /// Token of the template on screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// `context.Viewport`: the screen's shape and abilities. Sizes and density are JSON numbers,
/// as in Amazon's model: a fractional value parses, and an integer is written back as one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Viewport {
    /// Viewing experiences the device supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experiences: Vec<ViewportExperience>,
    /// `HUB`, `TV`, `PC`, `MOBILE`, `AUTO`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// `RECTANGLE` or `ROUND`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Physical width in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pixel_width: Option<Number>,
    /// Physical height in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pixel_height: Option<Number>,
    /// Pixel density.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpi: Option<Number>,
    /// Current width in pixels (can differ after a resize).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_pixel_width: Option<Number>,
    /// Current height in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_pixel_height: Option<Number>,
    /// Touch kinds, e.g. `["SINGLE"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touch: Vec<String>,
    /// Keyboard kinds, e.g. `["DIRECTION"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyboard: Vec<String>,
    /// Video codecs the screen plays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<VideoCodecs>,
}

impl Viewport {
    /// An Echo Show's screen: a 1280x800 landscape hub at 160 dpi, with touch. The one
    /// definition the simulator and the test requests share.
    ///
    /// ```
    /// let screen = alexa_core::model::Viewport::echo_show();
    /// assert_eq!(screen.pixel_width.and_then(|w| w.as_u64()), Some(1280));
    /// ```
    pub fn echo_show() -> Self {
        Self {
            mode: Some("HUB".into()),
            shape: Some("RECTANGLE".into()),
            pixel_width: Some(1280.into()),
            pixel_height: Some(800.into()),
            dpi: Some(160.into()),
            current_pixel_width: Some(1280.into()),
            current_pixel_height: Some(800.into()),
            touch: vec!["SINGLE".into()],
            ..Self::default()
        }
    }
}

/// One viewing experience of a viewport.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewportExperience {
    /// Apparent width at the typical viewing distance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arc_minute_width: Option<f64>,
    /// Apparent height at the typical viewing distance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arc_minute_height: Option<f64>,
    /// Whether the screen can rotate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_rotate: Option<bool>,
    /// Whether the viewport can resize.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_resize: Option<bool>,
}

/// Supported video codecs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VideoCodecs {
    /// e.g. `H_264_41`, `H_264_42`.
    #[serde(default)]
    pub codecs: Vec<String>,
}

/// An entry of `context.Viewports`: an APL screen or an APLT character display.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewportDescriptor {
    /// `APL` or `APLT`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Viewport id (APLT: `"main"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `RECTANGLE` or `ROUND` (APL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Pixel density (APL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpi: Option<Number>,
    /// `STANDARD` or `OVERLAY` (APL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation_type: Option<String>,
    /// Whether it rotates (APL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_rotate: Option<bool>,
    /// Current mode, video and size (APL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<Value>,
    /// Character display profiles, e.g. `["FOUR_CHARACTER_CLOCK"]` (APLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_profiles: Option<Vec<String>>,
    /// Characters per line (APLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_length: Option<u32>,
    /// Lines (APLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_count: Option<u32>,
    /// `SEVEN_SEGMENT` (APLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub character_format: Option<String>,
    /// Separators between segments (APLT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inter_segments: Option<Vec<Value>>,
}

/// `context["Alexa.Presentation.APL"]`: the document on screen.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AplState {
    /// The token the skill gave the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// APL version of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The visible components, as APL describes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components_visible_on_screen: Option<Vec<Value>>,
}

/// `context.Geolocation`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Geolocation {
    /// Whether location services are on and allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_services: Option<LocationServices>,
    /// When the fix was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Latitude and longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinate: Option<Coordinate>,
    /// Altitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altitude: Option<Value>,
    /// Heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Value>,
    /// Speed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed: Option<Value>,
}

/// `Geolocation.locationServices`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LocationServices {
    /// `ENABLED` or `DISABLED`.
    #[serde(default)]
    pub access: String,
    /// `RUNNING` or `STOPPED`.
    #[serde(default)]
    pub status: String,
}

/// `Geolocation.coordinate`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coordinate {
    /// Latitude.
    pub latitude_in_degrees: f64,
    /// Longitude.
    pub longitude_in_degrees: f64,
    /// Accuracy radius.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy_in_meters: Option<f64>,
}

/// `context.Extensions` (`ExtensionsState` in Amazon's model).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExtensionsState {
    /// Available extensions by URI, e.g. `aplext:backstack:10`.
    #[serde(default)]
    pub available: Map<String, Value>,
}

/// `context.Advertising`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Advertising {
    /// The advertising id.
    #[serde(default)]
    pub advertising_id: String,
    /// Whether the user limited ad tracking.
    #[serde(default)]
    pub limit_ad_tracking: bool,
}

/// `context["Alexa.Presentation"]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PresentationState {
    /// One entry per presentation (APL document, web app) on screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<Value>,
}

/// `context.AppLink`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppLinkState {
    /// Catalog types the phone supports, e.g. `IOS_APP_STORE`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supported_catalog_types: Vec<String>,
    /// Whether and how an app can be opened directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_launch: Option<Value>,
    /// Whether and how a link can be sent to the phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_to_device: Option<Value>,
}

/// `context.Experimentation`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExperimentationState {
    /// The experiments this user is in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub active_experiments: Vec<ExperimentAssignment>,
}

/// One experiment this user is in, and the treatment they get.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExperimentAssignment {
    /// The experiment.
    #[serde(default)]
    pub id: String,
    /// `T1`, `C`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment_id: Option<String>,
}

/// `context["Alexa.DataStore.PackageManager"]`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageManagerState {
    /// `{ packageId, version }` per installed package.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub installed_packages: Vec<Value>,
}
