import type { marketDemandsApiErrorsZhCN, marketDemandsZhCN } from './market-demands.zh-CN';

/** English — demands (数据需求), matching, answers and the demand survey (市场需求调查). */
// prettier-ignore
export const marketDemandsEnUS: typeof marketDemandsZhCN = {
  demands: {
    menu: 'Data demands', board: 'Demand board', mine: 'My demands', answers: 'My answers', survey: 'Demand survey (市场需求调查)',
    boardSub: 'Data wanted by buyers; merchants answer with their listed products', searchPlaceholder: 'Search titles, descriptions and purposes, e.g. 普惠金融',
    count: (n: number) => `${n} open demands`, empty: 'No demand matches these filters', sector: 'Sector', region: 'Region (province)', anyRegion: 'Any region',
    clear: 'Clear filters', sort: 'Sort', sortBy: { relevance: 'Relevance', newest: 'Newest', deadline: 'Deadline', budget_desc: 'Budget, highest first' } as Record<string, string>,
    title: 'Title', description: 'Description', purpose: 'Purpose / scenario', grades: 'Acceptable grades', budget: 'Budget', budgetMin: 'Budget from (yuan)',
    budgetMax: 'Budget up to (yuan)', deadline: 'Deadline', state: 'State', buyer: 'Buyer', postedAt: 'Posted', matches: 'Matches', answersCount: 'Answers',
    budgetOpen: 'Negotiable', budgetUpTo: (x: string) => `up to ${x}`, budgetFrom: (x: string) => `from ${x}`,
    stateLabel: { open: 'Open', closed: 'Closed', expired: 'Expired' } as Record<string, string>,
    post: 'Post a demand', edit: 'Edit demand', close: 'Close demand', closeReason: 'Reason (optional)', closeConfirm: 'A closed demand takes no more answers. Close it?',
    posted: 'Demand posted and matched against the listed products', saved: 'Demand saved and matched again', closed: 'Demand closed', regionHelp: 'GB/T 2260 division code, e.g. 370100 (Jinan); empty: any region',
    budgetOrder: 'The lower end must not be above the upper end', deadlineHelp: 'Answers are taken through the deadline day (Beijing time)',
    myEmpty: 'No demand posted yet', myEmptyHint: 'Post a demand and the platform matches listed products to it by text, sector, grade, region and price.',
    matchesTitle: 'Matching listed products', merchantsTitle: 'Matching merchants', noMatches: 'No listed product matches yet; new listings are matched as they are listed and you are told',
    score: 'Score', good: 'Good match', product: 'Product', seller: 'Merchant', bestScore: 'Best score', productsCount: 'Products',
    parts: 'Score parts', notified: 'Both sides told', answersTitle: 'Answers received', noAnswers: 'No answer yet',
    part: { text: 'Text relevance', sector: 'Sector', grade: 'Grade', region: 'Region', price: 'Price vs budget', credit: 'Credit' } as Record<string, string>,
    reason: {
      words: 'Words of the demand found', same_sector: 'Same sector', sub_sector: 'A sector within the wanted one', related_sector: 'Same top-level sector', other_sector: 'Another sector',
      grade_accepted: 'A grade the buyer accepts', grade_not_accepted: 'A grade the buyer does not accept', region_any: 'Any region wanted', region_within: 'Within the wanted region',
      region_covers: 'A wider area holding the wanted region', region_same_province: 'Elsewhere in the same province', region_elsewhere: 'Another region', no_budget: 'No budget stated',
      price_within: 'Within budget', price_near: 'Slightly over budget (within 20%)', price_over: 'Over budget', price_metered: 'Metered: the total depends on volume',
      no_price: 'No price set', credit_not_rated: 'Not yet rated (counts once credit ratings exist)',
    } as Record<string, string>,
    words: (m: number, of: number) => `${m} of ${of} words`, priceVs: (p: string, b: string) => `price ${p}, budget up to ${b}`,
    answer: 'Answer', answerTitle: 'Answer the demand', answerProduct: 'Listed product to answer with', answerMessage: 'Message', answerPrice: 'Proposed price (yuan, optional)',
    answerPriceHelp: 'Empty: the listing’s price model', answered: 'Answer sent; the buyer is told', noProducts: 'Your organization has no listed product yet; list one to answer demands',
    answerDemand: 'Demand', answeredAt: 'Answered', answerState: { open: 'Open', withdrawn: 'Withdrawn' } as Record<string, string>,
    myAnswersEmpty: 'No answer made yet', viewBoard: 'Go to the demand board', loginToAnswer: 'Log in to answer',
    surveySub: 'Demands posted by buyers, by sector, region, month and budget band', total: 'Demands', open: 'Open', answeredCount: 'Answered', matched: 'With good matches',
    bySector: 'By sector', byRegion: 'By province', byMonth: 'By month', byBudget: 'By budget band', months: 'Months', demandsCount: 'Demands', budgetSum: 'Budget total (yuan)',
    band: { none: 'Negotiable', lt_10k: 'Under ¥10k', '10k_100k': '¥10k–100k', '100k_500k': '¥100k–500k', '500k_1m': '¥500k–1m', ge_1m: '¥1m and over' } as Record<string, string>,
  },
};

export const marketDemandsActionsEnUS: Record<string, string> = {
  'market.demand.create': 'Post a demand',
  'market.demand.update': 'Edit a demand',
  'market.demand.close': 'Close a demand',
  'market.demand.expire': 'Demand expired',
  'market.demand.answer': 'Answer a demand',
};

export const marketDemandsApiErrorsEnUS: typeof marketDemandsApiErrorsZhCN = {
  MARKET_DEMAND_NOT_OPEN: 'The demand is closed or past its deadline: it is no longer changed or answered',
  MARKET_DEMAND_NOT_YOURS:
    'Only the organization that posted the demand may change or close it, or see its matches and answers',
  MARKET_DEMAND_BUDGET_INVALID: 'The budget’s lower end must not be above its upper end',
  MARKET_DEMAND_DEADLINE_PAST: 'The deadline must be today or later (Beijing time)',
  MARKET_ANSWER_NOT_OWN_PRODUCT: 'A demand is answered only with one of your organization’s products',
  MARKET_ANSWER_PRODUCT_NOT_LISTED: 'A demand is answered only with a listed product',
  MARKET_ANSWER_OWN_DEMAND: 'Your organization cannot answer its own demand',
  MARKET_ANSWER_EXISTS: 'This product already answers this demand',
};
