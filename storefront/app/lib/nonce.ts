import { createContext, useContext } from "react"

/** The per-request CSP nonce, provided by entry.server.tsx; undefined in the browser (it is never needed there). */
export const NonceContext = createContext<string | undefined>(undefined)
export const useNonce = () => useContext(NonceContext)
