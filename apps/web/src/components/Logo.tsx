/** The Shuliu mark: two data streams flowing in parallel, drawn inline so it needs no asset request. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role="img"
      aria-label="Shuliu"
      style={{ flex: 'none' }}
    >
      <defs>
        <linearGradient id="shuliu-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#3b82f6" />
          <stop offset="1" stopColor="#06b6d4" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill="url(#shuliu-logo)" />
      <path
        d="M12 24c8-8 16 8 24 0s12-6 16-2"
        fill="none"
        stroke="#fff"
        strokeWidth="5"
        strokeLinecap="round"
      />
      <path
        d="M12 40c8-8 16 8 24 0s12-6 16-2"
        fill="none"
        stroke="#fff"
        strokeOpacity=".7"
        strokeWidth="5"
        strokeLinecap="round"
      />
    </svg>
  );
}
