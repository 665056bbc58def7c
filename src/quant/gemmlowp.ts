/**
 * gemmlowp's fixed-point math (fixedpoint/fixedpoint.h) and the TFLM helpers built on it
 * (common.h, quantization_util.cc) that softmax, log-softmax, logistic, tanh and LSTM need.
 * Values are raw int32 of a Q(intBits).(31 - intBits) number; arithmetic wraps like C's.
 */
import {
  INT32_MAX,
  INT32_MIN,
  saturatingRoundingDoublingHighMul as mul,
  quantizeMultiplier,
  roundHalfAway,
  roundingDivideByPOT,
} from './fixed-point.js';

const add = (a: number, b: number): number => (a + b) | 0;
const sub = (a: number, b: number): number => (a - b) | 0;
/** Q0.31 "one" saturates to INT32_MAX; Q2.29 one is exact. */
const F0_ONE = INT32_MAX;
const F2_ONE = 1 << 29;

/** SaturatingRoundingMultiplyByPOT: x * 2^exponent, saturating up and rounding down. */
export function saturatingRoundingMultiplyByPOT(x: number, exponent: number): number {
  if (exponent === 0) return x;
  if (exponent < 0) return roundingDivideByPOT(x, -exponent);
  const threshold = exponent >= 31 ? 0 : (1 << (31 - exponent)) - 1;
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return (x * 2 ** exponent) | 0;
}

/** Rescale<dstBits>(Q srcBits value). */
export function rescale(x: number, srcIntBits: number, dstIntBits: number): number {
  return saturatingRoundingMultiplyByPOT(x, srcIntBits - dstIntBits);
}

/** (a + b) / 2 rounded half away from zero, without overflow. */
export function roundingHalfSum(a: number, b: number): number {
  const sum = a + b;
  return Math.trunc((sum + (sum >= 0 ? 1 : -1)) / 2);
}

function saturatingAdd32(a: number, b: number): number {
  return Math.min(INT32_MAX, Math.max(INT32_MIN, a + b));
}

function saturatingSub32(a: number, b: number): number {
  return Math.min(INT32_MAX, Math.max(INT32_MIN, a - b));
}

/** exp(a) for a in [-1/4, 0), Q0.31 in and out (Taylor expansion around -1/8). */
function expOnIntervalBetweenNegativeOneQuarterAnd0Excl(a: number): number {
  const constantTerm = 1895147668; // exp(-1/8)
  const oneThird = 715827883;
  const x = add(a, 1 << 28);
  const x2 = mul(x, x);
  const x3 = mul(x2, x);
  const x4 = mul(x2, x2);
  const x4Over4 = saturatingRoundingMultiplyByPOT(x4, -2);
  const poly = saturatingRoundingMultiplyByPOT(add(mul(add(x4Over4, x3), oneThird), x2), -1);
  return add(constantTerm, mul(constantTerm, add(x, poly)));
}

/** exp(-2^k) in Q0.31 for k = -2..4: the barrel shifter's multipliers. */
const EXP_BARREL: readonly [number, number][] = [
  [-2, 1672461947],
  [-1, 1302514674],
  [0, 790015084],
  [1, 290630308],
  [2, 39332535],
  [3, 720401],
  [4, 242],
];

/** exp(a) for a <= 0 given in Q(intBits); result in Q0.31. */
export function expOnNegativeValues(a: number, intBits: number): number {
  const fracBits = 31 - intBits;
  const oneQuarter = 1 << (fracBits - 2);
  const aModQuarterMinusQuarter = sub(a & (oneQuarter - 1), oneQuarter);
  let result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(rescale(aModQuarterMinusQuarter, intBits, 0));
  const remainder = sub(aModQuarterMinusQuarter, a);
  for (const [exponent, multiplier] of EXP_BARREL) {
    if (intBits > exponent && (remainder & (1 << (fracBits + exponent))) !== 0)
      result = mul(result, multiplier);
  }
  if (intBits > 5 && a < -(1 << (36 - intBits))) result = 0;
  return a === 0 ? F0_ONE : result;
}

/** Newton-Raphson 1/(1 + a) on a Q2.29 estimate, for a in (0, 1) as Q0.31; returns Q2.29. */
function newtonReciprocal(a: number): number {
  const halfDenominator = roundingHalfSum(a, F0_ONE);
  let x = add(1515870810, mul(halfDenominator, -1010580540)); // 48/17 - 32/17 * d
  for (let i = 0; i < 3; i++) {
    const oneMinusHalfDenominatorTimesX = sub(F2_ONE, mul(halfDenominator, x));
    x = add(x, rescale(mul(x, oneMinusHalfDenominatorTimesX), 4, 2));
  }
  return x;
}

/** (1 - a) / (1 + a) for a in (0, 1), Q0.31. */
export function oneMinusXOverOnePlusXForXIn01(a: number): number {
  return rescale(sub(newtonReciprocal(a), F2_ONE), 2, 0);
}

/** 1 / (1 + a) for a in (0, 1), Q0.31. */
export function oneOverOnePlusXForXIn01(a: number): number {
  return rescale(newtonReciprocal(a), 1, 0);
}

/** tanh(a) with a in Q(intBits); result Q0.31. */
export function fixedTanh(a: number, intBits: number): number {
  if (a === 0) return 0;
  const negative = a < 0;
  const n = negative ? a : -a | 0;
  const t = oneMinusXOverOnePlusXForXIn01(expOnNegativeValues(n, intBits + 1));
  return negative ? -t | 0 : t;
}

/** logistic(a) = 1 / (1 + exp(-a)) with a in Q(intBits); result Q0.31. */
export function fixedLogistic(a: number, intBits: number): number {
  if (a === 0) return 1 << 30;
  const positive = a > 0;
  const abs = positive ? a : -a | 0;
  const ifPositive = oneOverOnePlusXForXIn01(expOnNegativeValues(-abs | 0, intBits));
  return positive ? ifPositive : sub(F0_ONE, ifPositive);
}

/** GetReciprocal: 1/x for x in Q(xIntegerDigits), as Q0.31 and the bits x has above 1.0. */
export function getReciprocal(x: number, xIntegerDigits: number): { raw: number; numBitsOverUnit: number } {
  const headroomPlusOne = Math.clz32(x);
  const shiftedSumMinusOne = sub(x << headroomPlusOne, INT32_MIN);
  return {
    raw: oneOverOnePlusXForXIn01(shiftedSumMinusOne),
    numBitsOverUnit: xIntegerDigits - headroomPlusOne,
  };
}

/** SaturatingRoundingMultiplyByPOTParam for exponent >= 0 (TFLM only calls it so). */
function shiftLeftSaturating(x: number, exponent: number): number {
  return saturatingRoundingMultiplyByPOT(x, exponent);
}

/** log(x) for x >= 1: input in Q(inputIntBits), output in Q(outputIntBits). */
export function logXForXGreaterThanOrEqualTo1(
  x: number,
  outputIntBits: number,
  inputIntBits: number,
): number {
  const accumBits = outputIntBits + 1;
  const log2 = 1488522236;
  const sqrtSqrtHalf = 1805811301;
  const sqrtHalf = 1518500250;
  const shiftedQuarter = rescale(536870912, 0, accumBits);
  const zaHeadroomPlusOne = Math.clz32(x);
  const raTmp = shiftLeftSaturating(x, zaHeadroomPlusOne - 1);
  const raRaw = shiftLeftSaturating(mul(raTmp, sqrtHalf), 1);
  const zaPow2Adj = saturatingAdd32(
    shiftLeftSaturating(inputIntBits - zaHeadroomPlusOne, 31 - accumBits),
    shiftedQuarter,
  );
  const zb = mul(x, sqrtHalf);
  const zbHeadroom = Math.clz32(zb) - 1;
  const rbRaw = shiftLeftSaturating(x, zbHeadroom);
  const zbPow2Adj = saturatingSub32(
    shiftLeftSaturating(inputIntBits - zbHeadroom, 31 - accumBits),
    shiftedQuarter,
  );
  const r = Math.min(raRaw, rbRaw);
  const zPow2Adj = Math.max(zaPow2Adj, zbPow2Adj);
  const p = roundingHalfSum(r, sqrtSqrtHalf);
  let q = sub(r, sqrtSqrtHalf);
  q = add(q, q);
  const commonSq = mul(q, q);
  const num = add(mul(q, r), mul(mul(q, commonSq), 117049297)); // alpha_n
  const alphaI = 1057819769;
  const denomMinusOne = add(mul(p, add(add(alphaI, q), mul(127690142, commonSq))), mul(638450708, q));
  const recipDenom = oneOverOnePlusXForXIn01(denomMinusOne);
  const numScaled = rescale(num, 0, accumBits);
  return rescale(add(mul(zPow2Adj, log2), mul(numScaled, recipDenom)), accumBits, outputIntBits);
}

/** CalculateInputRadius: the largest input difference that does not saturate the rescaling. */
export function calculateInputRadius(
  inputIntegerBits: number,
  inputLeftShift: number,
  totalSignedBits = 31,
): number {
  const maxInputRescaled =
    (((1 << inputIntegerBits) - 1) * 2 ** (totalSignedBits - inputIntegerBits)) / 2 ** inputLeftShift;
  return Math.floor(maxInputRescaled);
}

/** PreprocessSoftmaxScaling: beta * input_scale as a Q(31 - intBits) multiplier, capped. */
export function preprocessSoftmaxScaling(
  beta: number,
  inputScale: number,
  inputIntegerBits: number,
): { multiplier: number; shift: number } {
  const real = Math.min(beta * inputScale * 2 ** (31 - inputIntegerBits), 2 ** 31 - 1);
  return quantizeMultiplier(real);
}

/** CheckedLog2 in float: the rounded log2 of x and whether x is (nearly) a power of two. */
export function checkedLog2(x: number): { log2: number; isPowerOfTwo: boolean } {
  const f = Math.fround;
  const xLog2 = f(f(Math.log(f(x))) * f(1 / f(Math.log(2))));
  const rounded = roundHalfAway(xLog2);
  return { log2: rounded, isPowerOfTwo: Math.abs(f(xLog2 - rounded)) < f(1e-3) };
}

/**
 * LUTPopulate<int16_t> (float arithmetic): a 513-entry table of `transform` over the int16
 * input range, biased so linear interpolation is most accurate at the segment midpoints.
 */
export function lutPopulateInt16(
  inputScale: number,
  inputZeroPoint: number,
  outputScale: number,
  outputZeroPoint: number,
  transform: (x: number) => number,
): Int16Array {
  const f = Math.fround;
  const round = (x: number): number => roundHalfAway(f(x));
  const clamp16 = (x: number): number => Math.min(Math.max(x, -32768), 32767);
  const inputMin = f(inputScale * (-32768 - inputZeroPoint));
  const inputMax = f(inputScale * (32767 - inputZeroPoint));
  const outputMin = f(outputScale * (-32768 - outputZeroPoint));
  const outputMax = f(outputScale * (32767 - outputZeroPoint));
  const step = f(f(inputMax - inputMin) / 512);
  const halfStep = f(step / 2);
  const scalingInv = f(65536 / f(outputMax - outputMin));
  const lut = new Int16Array(513);
  for (let i = 0; i < 512; i++) {
    const x = f(inputMin + f(i * step));
    const val = transform(x);
    const valMidpoint = transform(f(x + halfStep));
    const valNext = transform(f(inputMin + f((i + 1) * step)));
    const sample = round(val * scalingInv);
    const midpointInterp = round(f(f(f(valNext * scalingInv) + sample) / 2));
    const midpointErr = f(midpointInterp - round(valMidpoint * scalingInv));
    const bias = round(midpointErr / 2);
    lut[i] = clamp16(sample - bias);
  }
  lut[512] = clamp16(round(transform(inputMax) * scalingInv));
  return lut;
}

/** LUTLookup: int16 -> int16 through a 513-entry table, interpolating on the low 7 bits. */
export function lutLookupInt16(value: number, lut: ArrayLike<number>): number {
  const index = 256 + (value >> 7);
  const offset = value & 0x7f;
  const slope = ((lut[index + 1] - lut[index]) << 16) >> 16;
  const delta = (slope * offset + 64) >> 7;
  return ((lut[index] + delta) << 16) >> 16;
}

/** sigmoid(i / 24) in 0.16 fixed point (TFLM's sigmoid_table_uint16), shared by int16 logistic and tanh. */
export const SIGMOID_TABLE_UINT16: readonly number[] = [
  32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794, 41432, 42064,
  42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464,
  50942, 51409, 51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503,
  56823, 57133, 57433, 57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
  60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666,
  62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968,
  64030, 64090, 64148, 64204, 64257, 64308, 64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687,
  64721, 64754, 64786, 64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
  65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258, 65269, 65280, 65291,
  65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367, 65374, 65381, 65387, 65393, 65399, 65404,
  65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465,
  65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
  65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513, 65514, 65515, 65516,
  65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524, 65525, 65525,
  65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530,
  65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
  65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
  65535,
];

/** The int16 input scaled to Q(x).(y) by TFLM's int16 logistic/tanh: multiplier 0 means 3 << leftShift. */
function scaleInt16Input(x: number, multiplier: number, leftShift: number): number {
  const [m, s] = multiplier === 0 ? [3 << leftShift, 0] : [multiplier, leftShift];
  const round = s > 0 ? 1 << (s - 1) : 0;
  return (x * m + round) >> s;
}

/** reference_integer_ops::Logistic (int16): sigmoid table with 9-bit interpolation, Q0.15 out. */
export function logisticInt16(x: number, multiplier: number, leftShift: number): number {
  const input = scaleInt16Input(x, multiplier, leftShift);
  const abs = Math.abs(input);
  const uh = abs >>> 9;
  let result: number;
  if (uh >= 255) result = 0x7fff << 10;
  else {
    const ua = SIGMOID_TABLE_UINT16[uh];
    result = ua * 512 + (abs & 0x1ff) * (SIGMOID_TABLE_UINT16[uh + 1] - ua);
  }
  result = input >= 0 ? result + (1 << 9) : (1 << 25) - result + (1 << 9) - 1;
  return ((result >>> 10) << 16) >> 16;
}

/** reference_integer_ops::Tanh (int16): tanh(x) = 2 sigmoid(2x) - 1 on the same table, Q0.15 out. */
export function tanhInt16(x: number, multiplier: number, leftShift: number): number {
  const input = scaleInt16Input(x, multiplier, leftShift);
  const abs = Math.abs(input);
  const uh = abs >>> 8;
  let result: number;
  if (uh >= 255) result = 0xffff << 8;
  else {
    const ua = SIGMOID_TABLE_UINT16[uh];
    result = ua * 256 + (abs & 0xff) * (SIGMOID_TABLE_UINT16[uh + 1] - ua);
  }
  result = input >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
  return ((result >> 8) << 16) >> 16;
}
