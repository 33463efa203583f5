import Testing
@testable import SBCMSCore

@Suite struct ContentDateTests {
    @Test func parsesDayOnly() throws {
        let date = try #require(ContentDate(iso: "2026-01-15"))
        #expect(date.hasTime == false)
        #expect(date.rfc3339 == "2026-01-15T00:00:00Z")
        #expect(date.isoDay == "2026-01-15")
    }

    @Test func parsesDateTimeWithZoneAndOffset() throws {
        #expect(ContentDate(iso: "2026-01-15T09:30:00Z")?.rfc3339 == "2026-01-15T09:30:00Z")
        #expect(ContentDate(iso: "2026-01-15T09:30:00+02:00")?.rfc3339 == "2026-01-15T07:30:00Z")
        #expect(ContentDate(iso: "2026-01-15 09:30")?.rfc3339 == "2026-01-15T09:30:00Z")
        #expect(ContentDate(iso: "2026-01-15T23:30:00-01:00")?.rfc3339 == "2026-01-16T00:30:00Z")
        #expect(ContentDate(iso: "2026-01-15T09:30:00.250Z")?.rfc3339 == "2026-01-15T09:30:00Z")
    }

    @Test(arguments: ["", "2026", "2026-13-01", "2026-02-30", "2025-02-29", "26-01-01", "2026-01-15T25:00:00Z",
                      "2026-01-15Tfoo", "yesterday", "2026-01-15T09:00:00Zjunk"])
    func rejectsInvalid(_ text: String) {
        #expect(ContentDate(iso: text) == nil)
    }

    @Test func formatsForFeeds() throws {
        let date = try #require(ContentDate(iso: "2026-01-15T09:05:03Z"))
        #expect(date.rfc822 == "Thu, 15 Jan 2026 09:05:03 +0000")
        #expect(date.readable == "January 15, 2026")
        #expect(ContentDate(iso: "2024-02-29")?.readable == "February 29, 2024")
        #expect(ContentDate(iso: "1969-12-31T23:59:59Z")?.rfc3339 == "1969-12-31T23:59:59Z")
    }

    @Test func machineFormatsMatchTheirComponentsForEveryYear() {
        func padded(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        var generator = SystemRandomNumberGenerator()
        // From year 1 to 9999, with the ends themselves.
        let first: Int64 = -62_135_596_800, last: Int64 = 253_402_300_799
        for seconds in [first, last, 0, -1] + (0..<2000).map({ _ in Int64.random(in: first...last, using: &generator) }) {
            let date = ContentDate(secondsSince1970: seconds)
            let c = date.components
            let day = "\(padded(c.year, 4))-\(padded(c.month, 2))-\(padded(c.day, 2))"
            #expect(date.isoDay == day)
            #expect(date.rfc3339 == day + "T\(padded(c.hour, 2)):\(padded(c.minute, 2)):\(padded(c.second, 2))Z")
        }
        #expect(ContentDate(secondsSince1970: first).rfc3339 == "0001-01-01T00:00:00Z")
        #expect(ContentDate(secondsSince1970: last).rfc3339 == "9999-12-31T23:59:59Z")
    }
}
