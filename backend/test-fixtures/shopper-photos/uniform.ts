/** (a) Today's generator: the product cut out onto one new background (solid, gradient or noise). */
export { shopperPhoto as uniformPhoto } from "../shopper-photo"
