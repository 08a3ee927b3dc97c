-- market: the marketplace's facet counts read boards and delivery modes as bits. Counting each board and mode
-- with `v = any(list)` took apart both arrays of every match once per value, most of a search's time at 100,000
-- listings; one bit per board and per mode lets a single pass over the facet index group the matches by their
-- two masks and count the rest from those few groups. The arrays stay the record (and what the page filters by).

-- a board's bit is given once, when it is made, and never reused (boards are not deleted); a bigint holds 63
alter table market_boards add column bit smallint;
update market_boards b set bit = o.n - 1
  from (select code, row_number() over (order by created_at, code) as n from market_boards) o
  where o.code = b.code;
alter table market_boards alter column bit set not null;
alter table market_boards add constraint market_boards_bit_key unique (bit);
alter table market_boards add constraint market_boards_bit_check check (bit between 0 and 62);

create function market_board_bit() returns trigger language plpgsql as $$
begin
  -- one board made at a time (per schema, as the jobs lock), so two made together do not take the same bit
  perform pg_advisory_xact_lock(hashtextextended(current_schema() || ':shuliu.market.board-bit', 0));
  select coalesce(max(bit) + 1, 0) into new.bit from market_boards;
  return new;
end $$;
create trigger market_boards_bit before insert on market_boards
  for each row when (new.bit is null) execute function market_board_bit();

-- a listing's boards as bits; kept by the trigger below whenever its board codes are written
alter table market_products add column board_bits bigint not null default 0;
-- the delivery modes as bits, in the order of DeliveryMode in the contracts (file, api, compute, report)
alter table market_products add column mode_bits integer not null generated always as (
  ('file' = any(delivery_modes))::int
  | (('api' = any(delivery_modes))::int << 1)
  | (('compute' = any(delivery_modes))::int << 2)
  | (('report' = any(delivery_modes))::int << 3)) stored;

create function market_product_board_bits() returns trigger language plpgsql as $$
begin
  new.board_bits := coalesce(
    (select bit_or(1::bigint << b.bit) from market_boards b where b.code = any(new.board_codes)), 0);
  return new;
end $$;
create trigger market_products_board_bits before insert or update of board_codes on market_products
  for each row execute function market_product_board_bits();
update market_products set board_codes = board_codes;

-- every column the facet pass reads, published listings only: a browse never reads the listings themselves
drop index market_products_facets_idx;
create index market_products_facets_idx on market_products (sector_code, grade, price_kind)
  include (board_bits, mode_bits, region, org_id) where status = 'published';
