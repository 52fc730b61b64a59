import Foundation

/// Go's float-to-text rules (strconv.FormatFloat as fmt and encoding/json use it), built on
/// Swift's shortest round-trip digits so no Foundation formatting runs for `%v` or `json`.
enum GoFloatFormat {
    /// Shortest decimal digits of |d| and the decimal point position: |d| = 0.DIGITS × 10^point.
    struct Decimal {
        var digits: [UInt8]  // ASCII digits, no leading or trailing zeros; empty for zero
        var point: Int
    }

    static func shortest(_ d: Double) -> Decimal {
        if d == 0 { return Decimal(digits: [], point: 0) }
        let text = abs(d).description  // e.g. "1234.5", "1e-07", "1.2345e+16"
        var mantissa: [UInt8] = []
        var exp = 0
        var pointAt: Int? = nil
        var u = Array(text.utf8)[...]
        if let e = u.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exp = Int(String(decoding: u[(e + 1)...], as: UTF8.self)) ?? 0
            u = u[..<e]
        }
        for c in u {
            if c == UInt8(ascii: ".") {
                pointAt = mantissa.count
            } else {
                mantissa.append(c)
            }
        }
        var point = (pointAt ?? mantissa.count) + exp
        var start = 0
        while start < mantissa.count, mantissa[start] == UInt8(ascii: "0") {
            start += 1
            point -= 1
        }
        var end = mantissa.count
        while end > start, mantissa[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return Decimal(digits: Array(mantissa[start..<end]), point: point)
    }

    private static func special(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    /// %e with the shortest digits: d.ddde±XX (exponent at least two digits).
    private static func eForm(_ dec: Decimal, negative: Bool, minExpDigits: Int = 2) -> String {
        var s = negative ? "-" : ""
        let digits = dec.digits.isEmpty ? [UInt8(ascii: "0")] : dec.digits
        s.unicodeScalars.append(Unicode.Scalar(digits[0]))
        if digits.count > 1 {
            s += "."
            s += String(decoding: digits[1...], as: UTF8.self)
        }
        let exp = dec.digits.isEmpty ? 0 : dec.point - 1
        s += exp < 0 ? "e-" : "e+"
        var e = String(abs(exp))
        while e.count < minExpDigits { e = "0" + e }
        return s + e
    }

    /// %f with the shortest digits (no trailing zeros beyond what the value needs).
    private static func fForm(_ dec: Decimal, negative: Bool) -> String {
        var s = negative ? "-" : ""
        if dec.digits.isEmpty { return s + "0" }
        if dec.point <= 0 {
            s += "0."
            s += String(repeating: "0", count: -dec.point)
            s += String(decoding: dec.digits, as: UTF8.self)
        } else if dec.point >= dec.digits.count {
            s += String(decoding: dec.digits, as: UTF8.self)
            s += String(repeating: "0", count: dec.point - dec.digits.count)
        } else {
            s += String(decoding: dec.digits[..<dec.point], as: UTF8.self)
            s += "."
            s += String(decoding: dec.digits[dec.point...], as: UTF8.self)
        }
        return s
    }

    /// fmt's `%v` for a float64: strconv 'g' with the shortest digits, which switches to the
    /// exponent form when the decimal exponent is below -4 or at least 6 (1e+06, 1e-05).
    static func formatV(_ d: Double) -> String { g(d, threshold: 6) }

    /// Shortest 'g' formatting with the given exponent threshold.
    static func g(_ d: Double, threshold: Int) -> String {
        if let s = special(d) { return s }
        let dec = shortest(d)
        let negative = d.sign == .minus
        let exp = dec.digits.isEmpty ? 0 : dec.point - 1
        if exp < -4 || exp >= threshold { return eForm(dec, negative: negative) }
        return fForm(dec, negative: negative)
    }

    /// encoding/json's float64 text: plain decimal for 1e-6 <= |d| < 1e21, exponent form
    /// otherwise with a one-digit negative exponent written without its leading zero.
    static func json(_ d: Double) -> String {
        if let s = special(d) { return s }
        let a = abs(d)
        let dec = shortest(d)
        let negative = d.sign == .minus && d != 0
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            var s = eForm(dec, negative: negative)
            let b = Array(s.utf8)
            let n = b.count
            if n >= 4, b[n - 4] == UInt8(ascii: "e"), b[n - 3] == UInt8(ascii: "-"), b[n - 2] == UInt8(ascii: "0") {
                s = String(decoding: b[..<(n - 2)] + [b[n - 1]], as: UTF8.self)
            }
            return s
        }
        return fForm(dec, negative: negative)
    }

    /// `%e %f %g` (and upper-case forms) with an explicit precision, correctly rounded by the C library.
    static func withPrecision(_ d: Double, verb: Character, precision: Int) -> String {
        if let s = special(d) { return s }
        // The C library's own printf (what String(format:) hands %e/%f/%g to), without Foundation.
        let format = "%.\(precision)\(verb)"
        var buffer = [CChar](repeating: 0, count: 64)
        var n = format.withCString { f in withVaList([d]) { vsnprintf(&buffer, buffer.count, f, $0) } }
        if n >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            n = format.withCString { f in withVaList([d]) { vsnprintf(&buffer, buffer.count, f, $0) } }
        }
        guard n >= 0 else { return String(format: format, d) }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
