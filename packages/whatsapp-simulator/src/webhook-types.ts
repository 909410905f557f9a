/**
 * The `messages` webhook field as Meta's Cloud API sends it. Optional phone fields (`wa_id`,
 * `from`, `recipient_id`) reflect the business-scoped user id rollout: a user who adopted a
 * username may be known only by `user_id` / `from_user_id`.
 */

export interface WebhookContact {
  profile: { name: string; username?: string };
  wa_id?: string;
  user_id?: string;
  parent_user_id?: string;
  country_code?: string;
  identity_key_hash?: string;
}

export interface MessageContext {
  from?: string;
  id?: string;
  forwarded?: boolean;
  frequently_forwarded?: boolean;
  referred_product?: { catalog_id: string; product_retailer_id: string };
}

interface ReferralBase {
  source_url: string;
  source_id: string;
  source_type: 'ad' | 'post';
  headline?: string;
  body?: string;
  ctwa_clid?: string;
  welcome_message?: { text: string };
}

/** Click-to-WhatsApp ad metadata; the media URL field depends on the ad's media type. */
export type Referral =
  | (ReferralBase & { media_type: 'image'; image_url: string })
  | (ReferralBase & { media_type: 'video'; video_url: string; thumbnail_url: string });

export interface WebhookError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href?: string;
}

export interface InboundMedia {
  id: string;
  mime_type: string;
  sha256: string;
  url?: string;
}

export interface VcardContact {
  name: {
    formatted_name: string;
    first_name?: string;
    last_name?: string;
    middle_name?: string;
    prefix?: string;
    suffix?: string;
  };
  phones?: Array<{ phone?: string; wa_id?: string; type?: string }>;
  emails?: Array<{ email?: string; type?: string }>;
  org?: { company?: string; department?: string; title?: string };
  urls?: Array<{ url?: string; type?: string }>;
  addresses?: Array<{
    street?: string;
    city?: string;
    state?: string;
    zip?: string;
    country?: string;
    country_code?: string;
    type?: string;
  }>;
  birthday?: string;
}

export interface ProductItem {
  product_retailer_id: string;
  quantity: number;
  item_price: number;
  currency: string;
}

/** Per-type payloads, keyed by the message `type` that carries them. */
export interface InboundPayloads {
  text: { text: { body: string } };
  image: { image: InboundMedia & { caption?: string } };
  audio: { audio: InboundMedia & { voice: boolean } };
  video: { video: InboundMedia & { caption?: string } };
  document: { document: InboundMedia & { caption?: string; filename: string } };
  sticker: { sticker: InboundMedia & { animated: boolean } };
  location: { location: { latitude: number; longitude: number; name?: string; address?: string; url?: string } };
  contacts: { contacts: VcardContact[] };
  interactive: {
    interactive:
      | { type: 'button_reply'; button_reply: { id: string; title: string } }
      | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } };
  };
  button: { button: { text: string; payload: string } };
  reaction: { reaction: { message_id: string; emoji?: string } };
  order: { order: { catalog_id: string; text?: string; product_items: ProductItem[] } };
  system: {
    system: {
      body: string;
      type: 'user_changed_number' | 'user_changed_user_id';
      wa_id?: string;
      user_id?: string;
      parent_user_id?: string;
      previous_user_id?: string;
      previous_parent_user_id?: string;
    };
  };
  unsupported: { unsupported: { type: string }; errors: WebhookError[] };
}

export type InboundType = keyof InboundPayloads;

export interface InboundBase {
  from?: string;
  from_user_id?: string;
  from_parent_user_id?: string;
  id: string;
  timestamp: string;
  context?: MessageContext;
  referral?: Referral;
}

export type InboundMessage = {
  [T in InboundType]: InboundBase & { type: T } & InboundPayloads[T];
}[InboundType];

export type InboundMessageOf<T extends InboundType> = Extract<InboundMessage, { type: T }>;

export type PricingCategory =
  | 'authentication'
  | 'authentication_international'
  | 'marketing'
  | 'marketing_lite'
  | 'utility'
  | 'service'
  | 'referral_conversion';

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  category: PricingCategory;
  type: 'regular' | 'free_customer_service' | 'free_entry_point';
}

export interface Conversation {
  id: string;
  expiration_timestamp?: string;
  origin: { type: PricingCategory };
}

export type MessageStatusName = 'sent' | 'delivered' | 'read' | 'failed';

export interface MessageStatus {
  id: string;
  status: MessageStatusName;
  timestamp: string;
  recipient_id?: string;
  recipient_user_id?: string;
  recipient_parent_user_id?: string;
  biz_opaque_callback_data?: string;
  conversation?: Conversation;
  pricing?: Pricing;
  errors?: WebhookError[];
}

export interface ChangeValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: WebhookContact[];
  messages?: InboundMessage[];
  statuses?: MessageStatus[];
  errors?: WebhookError[];
}

export interface WebhookPayload {
  object: 'whatsapp_business_account';
  entry: Array<{ id: string; changes: Array<{ field: 'messages'; value: ChangeValue }> }>;
}
