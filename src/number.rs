//! Numbers the app draws with: written as decimal text (positions in percent, heights in
//! pixels) and clamped, without the standard library's float formatting.
//!
//! `format!("{x}")` and `{x:.2}` on an `f64` link Grisu, Dragon and a bignum into the wasm
//! (about 12 kB), and so does `f64::clamp`, whose panic message formats its bounds. Every number
//! the app shows is rounded to a few decimals anyway, so an integer written with a decimal point
//! does the same job. The import/export worker (its SVG pictures) keeps the standard formatting:
//! it is a separate wasm, fetched on first use.

use std::fmt;

/// `value` rounded to `places` decimals (half away from zero), written without trailing zeros
/// or a trailing point: `decimal(12.5, 4)` is `12.5`, `decimal(26.0, 0)` is `26`,
/// `decimal(1.0 / 3.0, 4)` is `0.3333`. An integral value is written as `format!("{value}")`
/// writes it (but -0 as `0`). `places` is at most 9; values beyond ±9·10⁹ are not written faithfully (the app's
/// are pixels and percentages).
pub fn decimal(value: f64, places: u32) -> Decimal {
    let unit = 10_u64.pow(places);
    // Adding a half and truncating rounds the magnitude: `f64::round` is a libm call on wasm32.
    // `as` saturates, so an infinite or NaN value cannot overflow (NaN becomes 0).
    let magnitude = (value.abs() * unit as f64 + 0.5) as u64;
    Decimal {
        negative: value < 0.0 && magnitude > 0,
        magnitude,
        places,
    }
}

/// `value` limited to `[min, max]`, as `f64::clamp` (NaN stays NaN) but without its panic when
/// `min > max`: then `min` wins. The standard one is not inlined at `opt-level = "z"`, and its
/// panic message brings the float formatting in.
pub fn clamp(value: f64, min: f64, max: f64) -> f64 {
    if value < min {
        min
    } else if value > max {
        max
    } else {
        value
    }
}

/// A CSS percentage, `33.3333%`: to a ten-thousandth of a percent, which on a 2,500 px chart is
/// 0.0025 px, well under the 1/64 px browsers lay out in.
pub fn percent(value: f64) -> String {
    format!("{}%", decimal(value, 4))
}

/// A CSS length in pixels, `148px`, to hundredths (the app's are whole pixels).
pub fn px(value: f64) -> String {
    format!("{}px", decimal(value, 2))
}

/// A number ready to be written; see [`decimal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    /// The absolute value times 10^`places`.
    magnitude: u64,
    places: u32,
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = 10_u64.pow(self.places);
        let (whole, mut fraction, mut digits) =
            (self.magnitude / unit, self.magnitude % unit, self.places);
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        let sign = if self.negative { "-" } else { "" };
        if digits == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(
                f,
                "{sign}{whole}.{fraction:0width$}",
                width = digits as usize
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clamp, decimal, percent, px};

    #[test]
    fn writes_the_numbers_the_app_draws() {
        let cases: &[(f64, u32, &str)] = &[
            // Pixel heights and offsets, always whole: as `{}` writes them.
            (0.0, 0, "0"),
            (26.0, 0, "26"),
            (17.0 + 26.0 * 3.0, 0, "95"),
            (19_600_000.0, 0, "19600000"),
            (56.4, 0, "56"),
            (56.5, 0, "57"),
            // Percentages: four decimals, trailing zeros dropped.
            (50.0, 4, "50"),
            (12.5, 4, "12.5"),
            (100.0 / 3.0, 4, "33.3333"),
            (200.0 / 3.0, 4, "66.6667"),
            (0.00004, 4, "0"),
            (0.00005, 4, "0.0001"),
            (99.99996, 4, "100"),
            (0.0625, 4, "0.0625"),
            (0.05, 4, "0.05"),
            (1.0005, 4, "1.0005"),
            (-2.5, 4, "-2.5"),
            (-0.00004, 4, "0"),
            (-0.0, 4, "0"),
            (-1.0 / 3.0, 4, "-0.3333"),
            // The histogram's bars: `x` is a whole year plus 0.1, heights to hundredths.
            (3.0 + 0.1, 1, "3.1"),
            (130.0 + 0.1, 1, "130.1"),
            (2.0, 2, "2"),
            (38.0, 2, "38"),
            (2.0 + 38.0 * 0.5_f64.sqrt(), 2, "28.87"),
            (10.005_f64.next_up(), 2, "10.01"),
            (f64::NAN, 2, "0"),
        ];
        for &(value, places, expected) in cases {
            assert_eq!(
                decimal(value, places).to_string(),
                expected,
                "{value} to {places} places"
            );
        }
    }

    #[test]
    #[expect(
        clippy::disallowed_methods,
        reason = "the standard clamp is the reference here"
    )]
    fn clamps_as_the_standard_clamp() {
        for value in [
            -1.5,
            -0.0,
            0.0,
            0.3,
            0.999,
            1.0,
            7.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            for (min, max) in [
                (0.0, 1.0),
                (0.0, 0.999),
                (1.0, 2.0),
                (1.0, 3.0),
                (-2.0, -1.0),
            ] {
                assert_eq!(
                    clamp(value, min, max),
                    value.clamp(min, max),
                    "{value} in {min}..{max}"
                );
            }
        }
        assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
    }

    #[test]
    fn css_values_carry_their_unit() {
        assert_eq!(percent(100.0 / 6.0), "16.6667%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(px(148.0), "148px");
        assert_eq!(px(43.0), "43px");
    }

    #[test]
    fn whole_numbers_read_as_the_standard_formatting_writes_them() {
        for value in (-1_000..=1_000).map(|n| f64::from(n) * 13.0) {
            for places in [0, 1, 2, 4] {
                assert_eq!(decimal(value, places).to_string(), format!("{value}"));
            }
        }
    }

    #[test]
    fn parses_back_within_half_a_unit_of_the_last_place() {
        for n in 0..20_000 {
            let value = f64::from(n) * 0.0137 - 100.0;
            let back: f64 = decimal(value, 4).to_string().parse().unwrap();
            assert!(
                (back - value).abs() <= 0.5e-4 + 1e-9,
                "{value} read back as {back}"
            );
        }
    }
}
