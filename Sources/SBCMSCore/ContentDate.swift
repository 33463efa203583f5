/// A point in time from content (`2026-01-15` or `2026-01-15T09:00:00Z`), stored as seconds
/// since 1970 in UTC. Parsing and formatting are done by hand so that output never depends on
/// the machine's locale or time zone.
public struct ContentDate: Sendable, Hashable, Comparable, Codable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// False when the source gave only a day (`2026-01-15`).
    public var hasTime: Bool

    public init(secondsSince1970: Int64, hasTime: Bool = true) {
        self.secondsSince1970 = secondsSince1970
        self.hasTime = hasTime
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM` or no zone (UTC),
    /// and the same with a space instead of `T`. Returns nil for anything else or for
    /// impossible dates such as February 30.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              (1...12).contains(month), day >= 1, day <= ContentDate.daysIn(month: month, year: year)
        else { return nil }
        var seconds = ContentDate.daysFromCivil(year: year, month: month, day: day) * 86_400
        if index == bytes.count {
            self.init(secondsSince1970: seconds, hasTime: false)
            return
        }
        guard expect(84) || expect(32) || expect(116),
              let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60
        else { return nil }
        var second = 0
        if expect(58) {
            guard let parsed = number(2), parsed < 61 else { return nil }
            second = parsed
            if expect(46) {
                let start = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                guard index > start else { return nil }
            }
        }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        if index < bytes.count {
            if expect(90) || expect(122) {
                // UTC
            } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
                let sign: Int64 = bytes[index] == 43 ? 1 : -1
                index += 1
                guard let offsetHours = number(2), offsetHours < 24 else { return nil }
                _ = expect(58)
                guard let offsetMinutes = number(2), offsetMinutes < 60 else { return nil }
                seconds -= sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        self.init(secondsSince1970: seconds, hasTime: true)
    }

    /// Year, month, day, hour, minute, second, weekday (0 = Sunday) in UTC.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let days = Int64((Double(secondsSince1970) / 86_400).rounded(.down))
        let secondsOfDay = Int(secondsSince1970 - days * 86_400)
        let (year, month, day) = ContentDate.civilFromDays(days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
        return (year, month, day, secondsOfDay / 3600, (secondsOfDay / 60) % 60, secondsOfDay % 60, weekday)
    }

    /// `2026-01-15T09:00:00Z` (RFC 3339, used by Atom, JSON Feed, JSON-LD and sitemaps).
    public var rfc3339: String {
        let c = components
        guard (0...9999).contains(c.year) else {
            return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
        }
        // Written digit by digit: feeds and every page's JSON-LD format thousands of dates.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            var writer = DigitWriter(buffer: buffer)
            writer.day(c.year, c.month, c.day)
            writer.put(UInt8(ascii: "T"))
            writer.digits(c.hour, 2)
            writer.put(UInt8(ascii: ":"))
            writer.digits(c.minute, 2)
            writer.put(UInt8(ascii: ":"))
            writer.digits(c.second, 2)
            writer.put(UInt8(ascii: "Z"))
            return writer.count
        }
    }

    /// `2026-01-15` (the day in UTC).
    public var isoDay: String {
        let c = components
        guard (0...9999).contains(c.year) else { return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var writer = DigitWriter(buffer: buffer)
            writer.day(c.year, c.month, c.day)
            return writer.count
        }
    }

    /// `Thu, 15 Jan 2026 09:00:00 +0000` (RFC 822, used by RSS 2.0).
    public var rfc822: String {
        let c = components
        let weekday = ContentDate.weekdayNames[c.weekday]
        let month = ContentDate.monthAbbreviations[c.month - 1]
        return "\(weekday), \(pad(c.day)) \(month) \(pad(c.year, 4)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) +0000"
    }

    /// `January 15, 2026`, for people.
    public var readable: String {
        let c = components
        return "\(ContentDate.monthNames[c.month - 1]) \(c.day), \(c.year)"
    }

    /// The start of the day of this date, UTC.
    public var startOfDay: ContentDate {
        let days = Int64((Double(secondsSince1970) / 86_400).rounded(.down))
        return ContentDate(secondsSince1970: days * 86_400, hasTime: false)
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

/// Fills a date's ASCII text byte by byte.
private struct DigitWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// `value` (not negative) in exactly `width` digits, zero-padded.
    mutating func digits(_ value: Int, _ width: Int) {
        var rest = value
        for position in stride(from: count + width - 1, through: count, by: -1) {
            buffer[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
        }
        count += width
    }

    /// `yyyy-mm-dd`.
    mutating func day(_ year: Int, _ month: Int, _ day: Int) {
        digits(year, 4)
        put(UInt8(ascii: "-"))
        digits(month, 2)
        put(UInt8(ascii: "-"))
        digits(day, 2)
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
