/** Word lists the seeded library is composed from. A title is a subject plus a variant, e.g. "Beach at dawn". */
export interface Subject {
  readonly name: string;
  readonly keywords: readonly string[];
  /** Names from categories.ts. */
  readonly categories: readonly string[];
}

export interface Variant {
  readonly text: string;
  readonly keywords: readonly string[];
}

export const IMAGE_SUBJECTS: readonly Subject[] = [
  { name: "Beach", keywords: ["beach", "sea", "sand", "coast"], categories: ["Beaches", "Coast"] },
  {
    name: "Mountain lake",
    keywords: ["mountain", "lake", "nature"],
    categories: ["Mountains", "Landscapes"],
  },
  {
    name: "City skyline",
    keywords: ["city", "skyline", "architecture"],
    categories: ["Cities", "Photography"],
  },
  { name: "Forest trail", keywords: ["forest", "trees", "hiking"], categories: ["Landscapes", "Mountains"] },
  { name: "Harbour boats", keywords: ["harbour", "boats", "sea"], categories: ["Coast"] },
  { name: "Desert road", keywords: ["desert", "road", "travel"], categories: ["Travel"] },
  {
    name: "Autumn vineyard",
    keywords: ["vineyard", "autumn", "wine"],
    categories: ["Europe", "Landscapes"],
  },
  { name: "Snowy village", keywords: ["snow", "village", "winter"], categories: ["Europe"] },
  { name: "Coffee shop interior", keywords: ["coffee", "interior", "lifestyle"], categories: ["Lifestyle"] },
  { name: "Office lobby", keywords: ["office", "interior", "workplace"], categories: ["Offices"] },
  { name: "Team portrait", keywords: ["team", "people", "portrait"], categories: ["Offices", "People"] },
  { name: "Rooftop garden", keywords: ["garden", "rooftop", "city"], categories: ["Lifestyle", "Cities"] },
  { name: "Lighthouse", keywords: ["lighthouse", "coast", "sea"], categories: ["Coast"] },
  { name: "Farmers market", keywords: ["market", "food", "people"], categories: ["Lifestyle", "People"] },
  { name: "Suspension bridge", keywords: ["bridge", "architecture", "city"], categories: ["Cities"] },
];

export const IMAGE_VARIANTS: readonly Variant[] = [
  { text: "at dawn", keywords: ["dawn", "morning"] },
  { text: "at sunset", keywords: ["sunset", "evening"] },
  { text: "in the rain", keywords: ["rain", "weather"] },
  { text: "from above", keywords: ["aerial", "drone"] },
  { text: "in winter", keywords: ["winter", "cold"] },
  { text: "in summer", keywords: ["summer", "sunny"] },
  { text: "at night", keywords: ["night", "lights"] },
  { text: "close-up", keywords: ["detail", "close-up"] },
  { text: "wide angle", keywords: ["wide", "landscape"] },
  { text: "panorama", keywords: ["panorama", "landscape"] },
];

export const VIDEO_SUBJECTS: readonly Subject[] = [
  {
    name: "Product launch",
    keywords: ["product", "launch", "marketing"],
    categories: ["Spring 2024", "Ads"],
  },
  {
    name: "Customer interview",
    keywords: ["customer", "interview", "testimonial"],
    categories: ["Interviews"],
  },
  {
    name: "Factory tour",
    keywords: ["factory", "manufacturing", "tour"],
    categories: ["Corporate", "Footage"],
  },
  {
    name: "Drone flight over the beach",
    keywords: ["beach", "drone", "aerial", "coast"],
    categories: ["Beaches", "Footage"],
  },
  {
    name: "Behind the scenes",
    keywords: ["behind the scenes", "crew", "production"],
    categories: ["Footage", "Video"],
  },
  {
    name: "Conference keynote",
    keywords: ["conference", "keynote", "event"],
    categories: ["Conferences", "Events"],
  },
  {
    name: "Training session",
    keywords: ["training", "learning", "workplace"],
    categories: ["Training"],
  },
  { name: "Brand story", keywords: ["brand", "story", "marketing"], categories: ["Brand refresh", "Ads"] },
];

export const VIDEO_VARIANTS: readonly Variant[] = [
  { text: "video", keywords: ["video"] },
  { text: "teaser", keywords: ["teaser", "short"] },
  { text: "full cut", keywords: ["full length"] },
  { text: "30-second spot", keywords: ["advert", "short"] },
  { text: "b-roll", keywords: ["b-roll", "footage"] },
  { text: "social edit", keywords: ["social media", "short"] },
];

export const DOCUMENT_SUBJECTS: readonly Subject[] = [
  {
    name: "Quarterly report",
    keywords: ["report", "finance", "quarterly"],
    categories: ["Reports"],
  },
  {
    name: "Brand guidelines",
    keywords: ["brand", "guidelines", "logo"],
    categories: ["Guidelines", "Brand refresh"],
  },
  { name: "Press release", keywords: ["press", "news", "media"], categories: ["Press"] },
  {
    name: "Annual review",
    keywords: ["annual", "review", "finance"],
    categories: ["Reports"],
  },
  { name: "Media kit", keywords: ["media", "press", "brand"], categories: ["Press", "Marketing"] },
  {
    name: "Beach resort brochure",
    keywords: ["beach", "resort", "brochure", "travel"],
    categories: ["Beaches", "Documents"],
  },
  {
    name: "Sales deck",
    keywords: ["sales", "presentation", "pitch"],
    categories: ["Corporate", "Documents"],
  },
  {
    name: "Event programme",
    keywords: ["event", "programme", "schedule"],
    categories: ["Conferences", "Documents"],
  },
  {
    name: "Product catalogue",
    keywords: ["product", "catalogue", "range"],
    categories: ["Campaigns", "Documents"],
  },
];

export const DOCUMENT_VARIANTS: readonly Variant[] = [
  { text: "Q1 2024", keywords: ["2024", "q1"] },
  { text: "Q2 2024", keywords: ["2024", "q2"] },
  { text: "Q3 2024", keywords: ["2024", "q3"] },
  { text: "Q4 2024", keywords: ["2024", "q4"] },
  { text: "2023", keywords: ["2023"] },
  { text: "draft", keywords: ["draft"] },
  { text: "final", keywords: ["final", "approved"] },
];

export const DESCRIPTION_OPENERS: readonly string[] = [
  "Approved for web and print use.",
  "Shot for the spring campaign.",
  "Cleared for social media.",
  "Internal use only until launch.",
  "Part of the 2024 brand refresh.",
  "Supplied by the regional team.",
];
