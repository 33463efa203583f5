@testable import SBCMSRender
import Testing

/// Page fingerprints hash a struct as its type's name and its fields in their fixed order,
/// without field names: values moved between fields, types with the same fields, and strings
/// that run together must still give different fingerprints.
@Suite struct FingerprintHasherTests {
    private func fingerprint(_ value: some ContextFingerprinting) -> [UInt8] {
        var hasher = FingerprintHasher()
        value.fingerprint(into: &hasher)
        return hasher.finalize()
    }

    @Test func positionTypeAndLengthKeepFingerprintsApart() {
        let fingerprints = [
            fingerprint(BacklinkItem(title: "a", url: "b", kind: "post")),
            fingerprint(BacklinkItem(title: "b", url: "a", kind: "post")),
            fingerprint(BacklinkItem(title: "ab", url: "", kind: "post")),
            fingerprint(BacklinkItem(title: "", url: "ab", kind: "post")),
            fingerprint([BacklinkItem(title: "a", url: "b", kind: "post")]),
            fingerprint(TermLink(name: "a", url: "b", count: 1)),
            fingerprint(TermLink(name: "a", url: "b", count: 2)),
            fingerprint(NavLink(title: "a", url: "b", isActive: true)),
            fingerprint(NavLink(title: "a", url: "b", isActive: false)),
        ]
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(fingerprint(BacklinkItem(title: "a", url: "b", kind: "post"))
                == fingerprint(BacklinkItem(title: "a", url: "b", kind: "post")))
    }
}
