"""The words of the demo: fictional names, streets, complaint summaries and sentences.

Tables only, no logic: the simulator (``life``) draws from them with its seeded dice, so
changing a table changes the demo set (regenerate it) but never its shape.
"""

from __future__ import annotations

# --- the people and the words -----------------------------------------------------------

FIRST = (
    "Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Hal", "Isla", "Jon", "Kemi", "Leo",
    "Maya", "Nico", "Olu", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wes", "Yara",
)  # fmt: skip
LAST = (
    "Testperson", "Sample", "Example", "Placeholder", "Fictional", "Specimen", "Mockford",
    "Dummyson", "Notreal", "Madeup", "Pretend", "Fakeley",
)  # fmt: skip
STREETS = ("Example Road", "Sample Street", "Placeholder Close", "Test Avenue", "Demo Lane")
RELATIONSHIPS = ("daughter", "son", "support worker", "councillor", "friend", "MP's caseworker")
ADJUSTMENTS = (
    "large print letters",
    "prefers phone calls after 2pm",
    "BSL interpreter for meetings",
    "no calls: text or email only",
    "easy read letters",
)

SUMMARY: dict[str, tuple[str, ...]] = {
    "repairs": (
        "The kitchen tap has leaked for six weeks and two booked visits were missed.",
        "The boiler keeps failing and the family has had no hot water for days at a time.",
        "A contractor left the bathroom floor half finished and did not come back.",
        "The front door lock was reported broken and the repair took over a month.",
    ),
    "damp_and_mould": (
        "Black mould has come back in the bedroom after it was treated in the spring.",
        "The child's room is damp and the resident says the inspection found nothing.",
        "Condensation runs down the windows every morning and the extractor fan is broken.",
    ),
    "anti_social_behaviour": (
        "Loud music from a neighbouring flat late at night, reported several times.",
        "The resident feels the reports about the communal garden were not taken seriously.",
    ),
    "staff_conduct": (
        "An officer was rude on the phone and ended the call without giving a name.",
        "The resident says a visiting surveyor did not show identification.",
    ),
    "communication": (
        "Three emails about a repair went unanswered over a month.",
        "Letters were sent to the wrong address after the resident moved within the estate.",
    ),
    "rent_and_charges": (
        "The service charge went up with no explanation of the new costs.",
        "A payment was not credited to the rent account and arrears letters followed.",
    ),
    "estate_services": (
        "The communal stairs have not been cleaned for weeks.",
        "The lift in the block has been out of service for ten days.",
        "Grass cutting on the estate was missed all summer.",
    ),
    "allocations": (
        "The resident disputes the banding given on the transfer application.",
        "A medical priority form was sent in but never assessed.",
    ),
    "other": (
        "The resident was charged for a parking permit that should be free.",
        "A garden fence between two of our homes has blown down.",
    ),
}
SOUGHT = (
    "The resident wants the work done and an apology.",
    "The resident asks for compensation for the time lost.",
    "The resident wants a named contact and regular updates.",
    "The resident asks for the decision to be looked at again.",
    "The resident wants to be sure it will not happen again.",
)
SERVICE = (
    "Asked for a repair to be booked for a dripping overflow pipe.",
    "Reported a streetlight out on the estate path.",
    "Asked for a copy of the tenancy agreement.",
    "Reported a missed bulky waste collection.",
    "Asked when the communal door entry system will be upgraded.",
)
COMPLIMENT = (
    "Thanked the repairs team for fixing the heating the same day.",
    "Praised the neighbourhood officer for help with a benefits form.",
    "Wrote to say the new kitchen was fitted quickly and tidily.",
)
# Reasons, works and lessons follow the category, so a case reads as one story.
EXTENSION_REASONS: dict[str, str] = {
    "repairs": "awaiting contractor report",
    "damp_and_mould": "specialist damp survey booked",
    "anti_social_behaviour": "waiting for CCTV footage from the estate cameras",
    "estate_services": "awaiting contractor report",
    "allocations": "waiting for the medical adviser's assessment",
}
EXTENSION_DEFAULT = "resident asked for time to send further information"
ESCALATION_REASONS = (
    "unhappy with the compensation offered",
    "says the matter is still not put right",
    "disagrees with the findings",
)
LEARNING: dict[str, str] = {
    "repairs": "Missed appointments now trigger a call from the repairs team the same day.",
    "damp_and_mould": "Damp reports now get a survey within 10 working days.",
    "anti_social_behaviour": "Noise reports now get an action plan agreed within a week.",
    "staff_conduct": "Officers reminded to give their name and a direct line on every call.",
    "communication": "The repairs inbox now answers every email within 3 working days.",
    "rent_and_charges": "Service charge letters now itemise each cost.",
    "estate_services": "Estate inspection results are now posted in each block monthly.",
    "allocations": "Medical priority forms are now tracked on the lettings dashboard.",
    "other": "Front-line staff briefed on who owns requests that fit no team.",
}
REPAIR_WORKS: dict[str, tuple[str, ...]] = {
    "repairs": (
        "renew kitchen tap and check pipework",
        "replace front door lock",
        "finish bathroom floor",
        "service boiler and replace pump",
    ),
    "damp_and_mould": (
        "treat mould and fit humidity-controlled fan",
        "mould wash and stain block in the bedroom",
        "repair bathroom extractor fan",
    ),
    "estate_services": (
        "repair lift door sensor",
        "deep clean communal stairs",
        "reinstate the grass cutting schedule",
    ),
}
PADDING = (
    "Officer spoke to the resident and agreed the next steps by phone.",
    "Contractor notes attached to the housing system under the job number.",
    "Resident sent further photos by email, added to the case folder.",
    "Neighbour contacted as a witness and gave a short statement.",
    "Manager reviewed the file and agreed the proposed remedy.",
    "Follow-up visit booked to confirm the work was completed to standard.",
    "Resident confirmed the preferred contact times for the coming fortnight.",
    "Previous complaints at this address checked for related issues.",
)
