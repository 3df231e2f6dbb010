"""Short purchase stories for chapter 1's exercise, written for this course.

Each story tells how one person came to buy something, and is labelled with the
order in which the three decision factors (need, touchpoint, trust) appeared
and with the ordering that sequence names. Three of them retell the examples of
the course's source article in new words (the broken phone, browsing in a
mall, the fitness creator's bottle). Some are *tricky*: the platform suggests
one ordering, but the order of the factors says another (a TikTok purchase that
followed search order because the buyer typed into TikTok's search bar; an
Amazon purchase that began with a friend's word).

The stories are fiction. Names are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.factors import classify

__all__ = ["STORIES", "Story"]


@dataclass(frozen=True)
class Story:
    """One labelled purchase story.

    Attributes
    ----------
    story_id : str
        ``S01``, ``S02``, ...
    story : str
        Two to four sentences in plain English.
    platform : str
        Where the money changed hands (a shop, Amazon, TikTok Shop, ...).
    first, second, third : str
        The factors in the order they appeared: each of ``"need"``,
        ``"touchpoint"``, ``"trust"`` once.
    tricky : bool
        Whether the story's surface (the platform, a creator, a video) points to
        a different ordering than the factors' order does.
    explanation : str
        Why the label is what it is, in one or two sentences.
    """

    story_id: str
    story: str
    platform: str
    first: str
    second: str
    third: str
    tricky: bool
    explanation: str

    @property
    def ordering(self) -> str:
        """The ordering named by first -> second -> third (via :func:`classify`)."""
        return classify([self.first, self.second, self.third]).value


N, TP, TR = "need", "touchpoint", "trust"

# fmt: off
STORIES: tuple[Story, ...] = (
    Story("S01",
          "Mei knocks her phone off the kitchen counter and the screen stays black. She "
          "cannot work without it, so she opens the big online mall app she always uses "
          "for electronics. One shop sells the model for 30% less than everyone else; that "
          "feels too good to be true, so she pays a little more at the shop that shows it "
          "is an authorised reseller.",
          "online marketplace", N, TP, TR, False,
          "The broken phone creates the need, the marketplace is where she goes to buy, "
          "and only then does she decide whom to trust. Need, touchpoint, trust: search."),
    Story("S02",
          "On a free Saturday Lena wanders around a shopping centre with no list, just to "
          "look. A shop window shows a linen jacket with white trainers, and she suddenly "
          "pictures herself wearing it on her trip next month. She feels the fabric, checks "
          "that the shop takes returns for 30 days, and buys it.",
          "shopping centre", TP, N, TR, False,
          "The shop window reached her before she wanted anything; the display woke the "
          "need; the fabric and the return policy gave the trust. Touchpoint, need, trust: "
          "interest, even though it happened offline."),
    Story("S03",
          "Jordan has watched the same fitness creator for two years because she shows her "
          "real training, bad days included. In a new video she swaps her old shaker for a "
          "sports bottle with time markers on the side. Jordan looks at the chipped mug on "
          "his desk, decides he wants one for the gym too, and taps the link in her post, "
          "which gives followers 10% off.",
          "creator's link", TR, N, TP, False,
          "Trust in the creator was there for two years before anything else. Her video "
          "made him want the bottle, and her link was where he bought. Trust, need, "
          "touchpoint: social."),
    Story("S04",
          "Sam's phone keeps sliding off the passenger seat while he follows the map. He "
          "types 'car phone mount air vent' into Amazon, scrolls the first page, and picks "
          "a mount rated 4.6 stars from 8,000 reviews over a cheaper one with 30 reviews.",
          "Amazon", N, TP, TR, False,
          "A problem he already had (need), a keyword search (touchpoint), then a choice "
          "made on ratings and reviews (trust). The classic search funnel."),
    Story("S05",
          "A light on Ana's fridge says the water filter is due. She searches the filter's "
          "model number on Amazon and buys the listing whose photos and answered questions "
          "confirm that it fits her fridge.",
          "Amazon", N, TP, TR, False,
          "A replacement part: the need comes first and is precise, search is the obvious "
          "touchpoint, and trust is about fit. Search."),
    Story("S06",
          "Tom's charging cable frays at the plug. He searches 'USB-C cable 2 m braided', "
          "compares three listings on price and on reviews that mention how long the cable "
          "lasted, and buys the middle-priced one.",
          "Amazon", N, TP, TR, False,
          "Need, then the search page, then comparing three shops before trusting one. "
          "Search."),
    Story("S07",
          "Priya scrolls TikTok in bed. A video shows a plain bedroom turned orange and "
          "gold by a small sunset lamp, and her own room suddenly looks dull. She taps the "
          "product, scrolls through buyers' photos of their rooms on the product page, and "
          "orders it for $21.99.",
          "TikTok Shop", TP, N, TR, False,
          "She was not shopping: the feed reached her first, the video created the want, "
          "and the buyers' photos gave the trust. Interest."),
    Story("S08",
          "Carlos watches a 20-second clip of someone dicing a whole onion in three "
          "seconds with a vegetable chopper. He hates chopping onions and had never thought "
          "a tool could fix that. He checks the product page, sees 2,000 sold and a 30-day "
          "return, and orders.",
          "TikTok Shop", TP, N, TR, False,
          "Touchpoint (the clip), then a need the clip woke up, then trust from sales and "
          "the returns promise. Interest."),
    Story("S09",
          "Aisha's feed shows a woman rolling a small gadget over a sofa covered in dog "
          "hair, which comes off in one stroke. Aisha has two dogs and had simply accepted "
          "the hair. The comments are full of owners saying it really works, so she buys "
          "one.",
          "TikTok Shop", TP, N, TR, False,
          "The video came first, the need was latent until she saw it, and other owners' "
          "comments gave the trust. Interest."),
    Story("S10",
          "Between meetings Ben scrolls past a barista making foam with a $13 handheld "
          "frother. He had never wanted one, but now his morning coffee seems sad. Reviews "
          "on the product page mention the battery lasting weeks, and he buys it.",
          "TikTok Shop", TP, N, TR, False,
          "Content, then a want it created, then trust at the product page. Interest."),
    Story("S11",
          "Hana has followed a skincare creator for a year and has tried three of her tips, "
          "all of which helped. When Hana notices her skin looks dull after winter, she "
          "remembers the creator's vitamin C serum and uses her code to buy it.",
          "creator's code", TR, N, TP, False,
          "Trust built over a year came first; the need appeared later; the creator's code "
          "was the place to buy. Social."),
    Story("S12",
          "A physiotherapist Rob follows online keeps recommending simple home exercises, "
          "and they have fixed Rob's knee before. When Rob's gym closes for a month, he "
          "needs a way to train at home and goes straight to the physio's link for "
          "resistance bands.",
          "creator's link", TR, N, TP, False,
          "Trust first, then the need (the closed gym), then the trusted person's link. "
          "Social."),
    Story("S13",
          "In the neighbourhood group chat, Mrs Okafor is the one whose tips are always "
          "right. She once praised a cat water fountain. Months later Kemi adopts a cat that "
          "will not drink from a bowl, scrolls back to Mrs Okafor's message and uses the "
          "link she shared.",
          "group chat link", TR, N, TP, False,
          "Trust in the neighbour came first, the need came with the cat, and the "
          "neighbour's link was the touchpoint. Social commerce does not need a famous "
          "creator."),
    Story("S14",
          "Ahmed needs a headlamp for a night hike next week. Instead of Amazon he types "
          "'rechargeable headlamp' into TikTok's search bar, watches three review videos, "
          "and buys the one whose video shows it still shining after eight hours.",
          "TikTok Shop", N, TP, TR, True,
          "It happened on TikTok, but the need came first and the search bar was the "
          "touchpoint: this is search order on an interest platform. A seller's product "
          "card and keywords matter here."),
    Story("S15",
          "Grace's sister is a nurse and never recommends anything she has not used. Over "
          "dinner she mentions a foam roller that saved her back. Weeks later Grace's legs "
          "ache after her first 10 km run; she searches the exact roller on Amazon and buys "
          "it without comparing others.",
          "Amazon", TR, N, TP, True,
          "Amazon is a search platform, but trust (her sister) came before the need, and "
          "Amazon was only where she paid. Trust, need, touchpoint: social."),
    Story("S16",
          "At the airport, Leo walks past a stand where a salesperson demonstrates a travel "
          "neck pillow. He had not planned to buy anything, but the demo reminds him that "
          "his neck hurt for days after his last 12-hour flight. He reads the label and the "
          "2-year warranty, and buys.",
          "airport shop", TP, N, TR, True,
          "No phone, no feed, yet the order is interest: the stand reached him first and "
          "woke a need. The ordering is about the sequence, not the technology."),
    Story("S17",
          "Nina sees a video from a creator she has never heard of, jumping rope with a "
          "counter on the handle that tracks calories. She likes the idea of tracking her "
          "workouts, checks the 4.5-star rating on the product page, and buys.",
          "TikTok Shop", TP, N, TR, True,
          "A creator is involved, but Nina had no trust in her beforehand: the video was a "
          "touchpoint that woke a need, and trust came from the product page. Interest, "
          "not social."),
    Story("S18",
          "Ben has meant to buy a laptop stand for weeks because his neck hurts at the end "
          "of each day. Scrolling TikTok, he sees a desk set-up video with exactly that kind "
          "of stand, taps the product, reads the reviews, and buys.",
          "TikTok Shop", N, TP, TR, True,
          "The feed provided the touchpoint, but the need was already there. Need, "
          "touchpoint, trust: search order, even though he never typed a keyword."),
    Story("S19",
          "Olivia has loved a small skincare brand for five years and trusts every product "
          "it makes. When her cleanser runs out, she opens the brand's TikTok shop, which she "
          "follows, and reorders.",
          "brand's TikTok shop", TR, N, TP, True,
          "No creator, but the same order as social commerce: trust in the brand came "
          "first, then the need, then the brand's own shop. Loyalty to a brand behaves like "
          "trust in a person."),
    Story("S20",
          "Every evening Mrs Chen watches the same LIVE host, who has been honest about "
          "products for two years. Tonight the host shows a reusable lint roller. Mrs Chen "
          "had not thought about lint, but if the host says it is good, she wants one, and "
          "she taps the shopping bag in the LIVE.",
          "TikTok LIVE", TR, N, TP, True,
          "It happened in a TikTok LIVE, which looks like interest commerce, but trust in "
          "the host came first and made her want it. Trust, need, touchpoint: social, the "
          "'whatever you sell, I buy' kind."),
    Story("S21",
          "The vet tells Daniel his dog eats too fast and suggests a lick mat. Daniel finds "
          "two on Amazon but cannot decide, so he watches a TikTok review of each, then goes "
          "back to Amazon and buys the one the reviewer's dog liked.",
          "Amazon", N, TP, TR, True,
          "TikTok appears, but only at the trust step. The need (the vet) came first and the "
          "touchpoint was Amazon's search. Search."),
    Story("S22",
          "Searching Amazon for a phone case, Ravi sees a clip-on ring light under "
          "'customers also bought'. He had never thought about his video calls looking dark, "
          "but now he does. Its 4.4 stars from 3,000 reviews convince him and he adds it to "
          "the order.",
          "Amazon", TP, N, TR, True,
          "For the ring light, the recommendation on Amazon came first and woke the need: "
          "interest order on a search platform. (The case itself was a search purchase.)"),
    Story("S23",
          "Sofia's fitness coach, whom she has trained with for three years, says "
          "everyone in the class should track their water. Sofia realises she never drinks "
          "enough, and buys the bottle the coach sells at the front desk.",
          "gym front desk", TR, N, TP, False,
          "Trust in the coach, then the need he pointed out, then his desk as the place to "
          "buy. Social, offline."),
    Story("S24",
          "Marco's air purifier flashes 'replace filter'. He checks which filter fits, "
          "searches for it, and picks the listing that says 'compatible with' his model and "
          "has 1,200 reviews, over an unbranded one with no reviews.",
          "Amazon", N, TP, TR, False,
          "A replacement part is the clearest search purchase: the need is exact, the "
          "search is the touchpoint, reviews and fit give the trust."),
    Story("S25",
          "Li Wei is planning her first camping trip and needs tent stakes; the ones that "
          "came with the tent bent. She looks on a large online marketplace, compares "
          "aluminium sets by weight and price, and buys a 12-pack.",
          "online marketplace", N, TP, TR, False,
          "Need, search, comparison: search order. Nothing about the stakes would make a "
          "good video, which is also why they sell by search."),
    Story("S26",
          "While watching a home-tour video, Jamal sees LED strip lights changing colour "
          "with the music. He had never cared about lighting, but now wants it for his "
          "gaming desk. He checks that the app has good ratings and orders the strips.",
          "TikTok Shop", TP, N, TR, False,
          "The content came first and the want followed: interest."),
    Story("S27",
          "Emma's favourite beauty creator, whose honest reviews Emma has followed for two "
          "years, posts a morning routine with a gua sha set. Emma had not considered one, "
          "but she trusts the creator's taste, decides she wants it, and uses the discount "
          "code in the video.",
          "creator's code", TR, N, TP, False,
          "Trust first, then a need the trusted person created, then her code. Social."),
    Story("S28",
          "Yuki's cat fountain needs new filters every month. She remembers the brand, types "
          "the brand and 'filters' into Amazon's search box, and reorders the 8-pack she "
          "bought last time.",
          "Amazon", N, TP, TR, True,
          "It feels like loyalty, but the need (the monthly filter) comes first, the "
          "search box is the touchpoint, and trust is checked last (same listing, same "
          "reviews). Search. Compare story S19, where trust in the brand came before any "
          "need."),
    Story("S29",
          "At a friend's barbecue, Kofi watches the host fire up a portable solar lantern "
          "at dusk. Kofi's own garden is dark in the evening, which he had never minded. He "
          "asks about it, hears it has lasted three summers, and orders one from his phone "
          "that night.",
          "online shop", TP, N, TR, True,
          "A friend is involved, so it looks social, but Kofi did not act on trust in "
          "the friend: seeing the lantern (touchpoint) woke the need, and the friend's "
          "three summers with it was the trust. Interest."),
    Story("S30",
          "Chloe follows a creator who only posts about pets and once exposed a dangerous "
          "toy. When Chloe's puppy starts chewing furniture, she searches the creator's past "
          "videos for chew toys and buys through the link under the one she recommends.",
          "creator's link", TR, N, TP, False,
          "Her trust in the creator was there first; the puppy brought the need; the link "
          "was the touchpoint. Social."),
    Story("S31",
          "Diego is scrolling late at night when a video shows gel being pressed into car "
          "vents and lifting out the dust. His own car vents are grey with dust. The video "
          "has 2 million views and the product page has thousands of reviews; he buys a "
          "2-pack for $6.99.",
          "TikTok Shop", TP, N, TR, False,
          "Classic impulse purchase: feed, then a sudden need, then trust from social "
          "proof. Interest."),
    Story("S32",
          "Fatima has to print shipping labels for her small online shop and her printer "
          "keeps jamming. She searches 'label printer' on Amazon, reads comparison reviews, "
          "and buys the one that works with her shop software.",
          "Amazon", N, TP, TR, False,
          "A work need with specific requirements, a search, and trust from checking "
          "compatibility: search."),
    Story("S33",
          "Kim's favourite YouTuber, who reviews desk set-ups and never takes sponsors she "
          "does not use, calls a felt desk mat 'the best $13 I spent'. A month later Kim's "
          "new desk scratches her mouse, so Kim goes straight to the YouTuber's affiliate "
          "link in the video description.",
          "creator's link", TR, N, TP, False,
          "Trust came first, the need later, and the creator's link was the place to buy. "
          "Social."),
    Story("S34",
          "Walking through a supermarket, Paul passes a stand where a chef is spraying oil "
          "onto a pan with a glass mister. Paul had not thought about how much oil he pours, "
          "but now he does. He tastes the food, likes it, and takes a mister to the till.",
          "supermarket", TP, N, TR, False,
          "An in-store demo works like a video in the feed: touchpoint, need, trust. "
          "Interest."),
    Story("S35",
          "After watching a creator she does not know demonstrate a pocket printer, Zoe "
          "thinks it would be a perfect birthday gift for her niece, who keeps a journal. "
          "She reads reviews about print quality on the product page before buying.",
          "TikTok Shop", TP, N, TR, False,
          "A gift need can also be woken by content: the video came first. Interest."),
    Story("S36",
          "Ella once saw a TikTok of vacuum storage bags shrinking a duvet, thought 'neat', "
          "and scrolled on. Two months later she is moving house and needs to pack three "
          "duvets into a small car. She searches Amazon for vacuum bags, compares the "
          "10-packs, and buys the one with a hand pump included.",
          "Amazon", N, TP, TR, True,
          "The old video did not lead to a purchase, so it is not this purchase's "
          "touchpoint. This purchase began with the move (need), then the search "
          "(touchpoint), then the comparison (trust): search. The video may have helped "
          "her remember the product, which is why sellers post many videos."),
)
# fmt: on
